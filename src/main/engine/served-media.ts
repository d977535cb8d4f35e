// What hosts serve beside method calls: cached media under `/media/<kind>/<key>`, a
// document's page, a rendition by URL. Built once by create-engine over its parts.
import { isMediaKey, pageCacheKey, type PageRequest, type ServedKind } from '../../shared/bridge';
import { ensureStrip, videoFile } from './media/ensure-strip';
import type { MediaCache, MediaKind } from './media/media-cache';
import { modelForViewer } from './media/model-for-viewer';
import type { InteractiveGate } from './jobs/interactive-gate';
import type { PageImages } from './media/page-images';
import type { AssetFileRepo } from './repositories/asset-file-repo';
import type { AssetQueryRepo } from './repositories/asset-query-repo';
import type { VersionRepo } from './repositories/version-repo';
import type {
  RenditionAnswer,
  RenditionRequest,
  RenditionService,
} from './renditions/rendition-service';

export interface ServedMediaDeps {
  assets: AssetQueryRepo;
  versions: VersionRepo;
  files: AssetFileRepo;
  cache: MediaCache;
  pages: PageImages;
  renditions: RenditionService;
  /** Told of each request a view waits on: background jobs hold back meanwhile. */
  interactive: Pick<InteractiveGate, 'touch'>;
}

export interface ServedMedia {
  resolveMedia(kind: MediaKind, key: string): string | null;
  mediaFile(kind: ServedKind, key: string): Promise<string | null>;
  rendition(request: RenditionRequest): Promise<RenditionAnswer>;
  resolvePage(request: PageRequest): Promise<string | null>;
}

export function servedMedia(deps: ServedMediaDeps): ServedMedia {
  const { assets, versions, files, cache, pages, renditions, interactive } = deps;
  const resolveMedia = (kind: MediaKind, key: string): string | null => {
    try {
      if (!isMediaKey(kind, key)) return null;
      // An old version's media too: the version list and compare show them (a diff: both).
      // A page's key is `<sha256>-<page>-<width>`: its content is the first 64 characters.
      const hashes = kind === 'diff' ? key.split('-') : [key.slice(0, 64)];
      if (!hashes.every((h) => assets.hasHash(h) || versions.known(h))) return null;
      if (!cache.has(kind, key)) return null;
      return cache.pathFor(kind, key);
    } catch {
      return null;
    }
  };
  return {
    resolveMedia,
    mediaFile: async (kind, key) => {
      interactive.touch(); // a grid's thumbnail, a loupe's preview: someone is looking
      if (!isMediaKey(kind, key)) return null;
      if (kind === 'video') return videoFile({ cache, files }, key)?.path ?? null;
      // Made on first ask and cached: served only while some asset still has the content.
      if ((kind === 'strip' || kind === 'model') && !assets.hasHash(key)) return null;
      if (kind === 'strip') return ensureStrip({ cache, files }, key);
      if (kind === 'model') return modelForViewer({ cache, files }, key);
      return resolveMedia(kind, key);
    },
    rendition: (request) => renditions.rendition(request),
    resolvePage: async (request) => {
      interactive.touch();
      try {
        if (!isMediaKey('page', pageCacheKey(request)) || !assets.hasHash(request.hash))
          return null;
        return await pages.file(request);
      } catch {
        return null;
      }
    },
  };
}
