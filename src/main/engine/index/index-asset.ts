import type { ThumbReady } from '../../../shared/dto';
import type { AssetRepo } from '../catalog/asset-repo';
import type { MediaCache } from '../media/media-cache';
import { readAndHash } from '../media/read-and-hash';
import { probeImage, renderThumbnail } from '../media/render-thumbnail';
import { describeIndexError } from './describe-index-error';

export interface IndexDeps {
  assets: AssetRepo;
  cache: MediaCache;
}

export type IndexOutcome = (ThumbReady & { state: 'ok' | 'error' }) | null;

/**
 * Reads one file once: hashes it, reads its header, renders its grid thumbnail unless one
 * exists for that content. The original is only read. Any failure lands on this asset as
 * a reason; it never throws, so one bad file cannot stop a scan.
 */
export async function indexAsset(deps: IndexDeps, id: number): Promise<IndexOutcome> {
  const file = deps.assets.locate(id);
  if (!file) return null; // removed while queued

  let hash: string | null = null;
  try {
    if (file.bytes === 0) throw new EmptyFileError();
    const read = await readAndHash(file.path, file.bytes);
    hash = read.hash;
    if (read.bytes === 0) throw new EmptyFileError();
    const input = read.buffer ?? file.path;
    const probe = await probeImage(input);
    if (!deps.cache.has('thumb', hash)) {
      await deps.cache.write('thumb', hash, await renderThumbnail(input));
    }
    if (!deps.assets.locate(id)) return null;
    deps.assets.markIndexed(id, { hash, ...probe, thumb: 'ready' });
    return { id, hash, thumb: 'ready', state: 'ok' };
  } catch (error) {
    const reason = error instanceof EmptyFileError ? error.message : describeIndexError(error);
    if (!deps.assets.locate(id)) return null;
    deps.assets.markError(id, reason, hash);
    return { id, hash, thumb: 'none', state: 'error' };
  }
}

class EmptyFileError extends Error {
  constructor() {
    super('Empty file (0 bytes)');
  }
}
