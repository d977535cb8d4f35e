// What the models look at for an asset: the original when sharp reads its format (JPEG,
// PNG, WebP, TIFF, GIF, AVIF, SVG), else its loupe preview (RAW and HEIC: the embedded
// preview, extracted and cached on first need), else what the grid shows (a video's poster,
// a document's first page, a model's render) when the cache has it.
import type { AssetFileRepo } from '../repositories/asset-file-repo';
import { ensurePreview } from '../media/ensure-preview';
import type { MediaCache } from '../media/media-cache';
import type { EmbeddedPreviews } from '../tools/exiftool/raw-preview';

export interface SourceDeps {
  files: AssetFileRepo;
  cache: MediaCache;
  previews: EmbeddedPreviews;
  prunePreviews: () => void;
}

export const NO_PREVIEW = 'no preview to analyse';

export async function analysisSource(
  deps: SourceDeps,
  id: number,
): Promise<{ path: string } | { error: string }> {
  const file = deps.files.locate(id);
  if (!file?.hash) return { error: 'the file is not indexed' };
  const heic = /\.hei[cf]$/i.test(file.name);
  if ((file.kind === 'image' && !heic) || file.kind === 'vector') return { path: file.path };
  if (file.kind === 'raw' || heic) {
    const ready = await ensurePreview(
      { cache: deps.cache, previews: deps.previews, prune: deps.prunePreviews },
      file,
    );
    if (ready.hash) return { path: deps.cache.pathFor('preview', ready.hash) };
  }
  for (const kind of ['preview', 'thumb'] as const)
    if (deps.cache.has(kind, file.hash)) return { path: deps.cache.pathFor(kind, file.hash) };
  return { error: NO_PREVIEW };
}
