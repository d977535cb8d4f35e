import type { AssetKind } from '../../../shared/dto';
import type { MediaFacts } from '../../../shared/media-facts';
import type { Located } from '../repositories/asset-file-repo';
import type { IndexDeps, ReadFields } from './index-asset';
import { formatFromExtension } from './file-kinds';
import { RICH_MEDIA_READERS } from './readers/rich-media-readers';
import { thumbnailFrom } from './thumbnail-from';

/** What a kind's reader found in one file (video, document, 3D model, …). */
export interface RichMediaRead {
  /** The format as the content says (e.g. 'mp4', 'pdf', 'glb'); the extension's otherwise. */
  format?: string | null;
  /** Pixel size as shown (a video's frame after rotation, a page at 72 dpi, …). */
  width?: number | null;
  height?: number | null;
  capturedAt?: string | null;
  facts: MediaFacts | null;
  /** Text to search (a document's full text). */
  text?: string | null;
  /** A still to make the grid thumbnail from: a poster frame, page 1, a render. */
  still?: () => Promise<Buffer | null>;
  /** A limitation that is not an error (no ffmpeg here, a model that renders without textures). */
  notice?: string | null;
  /** What is wrong with this file (password, truncated, invalid): the asset shows it. */
  error?: string | null;
}

export interface RichMediaInput {
  path: string;
  name: string;
  kind: AssetKind;
  bytes: number;
  hash: string;
}

/** Reads one file of its kind; throws only for what makes the file unreadable as a whole. */
export type RichMediaReader = (file: RichMediaInput) => Promise<RichMediaRead>;

/**
 * Video, documents, 3D models and anything else that is not decoded as a photo: the kind's
 * reader when one is registered, file-system facts and an icon otherwise. The thumbnail goes
 * through the same path as photos (once per content, with placeholder and analysis).
 */
export async function readRichMedia(
  deps: IndexDeps,
  file: Located,
  hash: string,
): Promise<ReadFields> {
  const reader = Object.hasOwn(RICH_MEDIA_READERS, file.kind)
    ? RICH_MEDIA_READERS[file.kind]
    : undefined;
  const read: RichMediaRead = reader
    ? await reader({ path: file.path, name: file.name, kind: file.kind, bytes: file.bytes, hash })
    : { facts: null };
  const still = read.still;
  const shown = still
    ? await thumbnailFrom(deps, hash, async () => {
        const input = await still();
        return input ? { input } : null;
      })
    : { thumb: 'none' as const, placeholder: null, analysis: null };
  return {
    sidecarStamps: null,
    hash,
    format: read.format ?? formatFromExtension(file.name),
    width: read.width ?? null,
    height: read.height ?? null,
    thumb: shown.thumb,
    state: read.error ? 'error' : 'ok',
    error: read.error ?? null,
    orientation: null,
    capturedAt: read.capturedAt ?? null,
    camera: null,
    metadata: null,
    placeholder: shown.placeholder,
    notice: read.notice ?? null,
    analysis: shown.analysis,
    facts: read.facts,
    text: read.text ?? null,
  };
}
