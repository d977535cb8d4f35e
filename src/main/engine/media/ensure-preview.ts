import type { PreviewReady } from '../../../shared/dto';
import type { Located } from '../repositories/asset-file-repo';
import { describeIndexError } from './describe-index-error';
import type { MediaCache } from './media-cache';
import type { EmbeddedPreviews } from '../tools/exiftool/raw-preview';
import { renderPreview } from '../tools/sharp/render-thumbnail';

const PRUNE_EVERY = 50;
let writesSincePrune = 0;

export interface PreviewDeps {
  cache: MediaCache;
  previews: EmbeddedPreviews;
  /** Queues a trim of the preview cache to its budget (a job). */
  prune: () => void;
}

/** The ~2048 px loupe preview of an asset, rendered on first view and cached by content. */
export async function ensurePreview(deps: PreviewDeps, file: Located): Promise<PreviewReady> {
  const hash = file.hash;
  if (!hash || file.state === 'missing') {
    return {
      id: file.id,
      hash: null,
      reason: file.state === 'missing' ? 'The file is missing' : 'Not indexed yet',
    };
  }
  if (deps.cache.has('preview', hash)) return { id: file.id, hash, reason: null };
  if (file.kind !== 'image' && file.kind !== 'raw' && file.kind !== 'vector') {
    return { id: file.id, hash: null, reason: 'No preview for this kind of file' };
  }
  try {
    const input =
      file.kind === 'raw' || /\.hei[cf]$/i.test(file.name)
        ? await deps.previews.extract(file.path)
        : file.path;
    if (!input)
      return { id: file.id, hash: null, reason: 'No decoder or embedded preview for this file' };
    await deps.cache.write('preview', hash, await renderPreview(input));
    if (++writesSincePrune >= PRUNE_EVERY) {
      writesSincePrune = 0;
      deps.prune();
    }
    return { id: file.id, hash, reason: null };
  } catch (error) {
    return { id: file.id, hash: null, reason: describeIndexError(error) };
  }
}
