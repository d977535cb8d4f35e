import { readFile } from 'node:fs/promises';
import type { ImageAnalysis } from '../analysis/analyze-pixels';
import { analyzePixels } from '../analysis/analyze-pixels';
import { placeholderFromPixels } from '../analysis/placeholder';
import { faultPoint } from '../faults/fault-points';
import type { MediaCache } from '../media/media-cache';
import { analysedContent } from '../repositories/analysed-content';
import type { Db } from '../db/open-database';
import { renderThumbnail, rgbaOf, type Rgba } from '../tools/sharp/render-thumbnail';

export interface ThumbnailResult {
  thumb: 'ready' | 'none';
  placeholder: string | null;
  analysis: ImageAnalysis | null;
}

/**
 * The grid thumbnail of one content, its placeholder and its analysis, made once per
 * content: a copy already analysed reuses what was found; a thumbnail already in the cache
 * is read, not rendered again. `still` gives the pixels: the file, an embedded preview, a
 * video's poster frame, a document's first page, a model's render. Null `still`: none.
 * `painted`: the cached thumbnail's pixels and placeholder, decoded by a costly file's paint.
 */
export async function thumbnailFrom(
  deps: { cache: MediaCache; db: Db },
  hash: string,
  still: () => Promise<{ input: Buffer | string; orientation?: number | null } | null>,
  painted?: { hash: string; px: Rgba | null; placeholder: string } | null,
): Promise<ThumbnailResult> {
  const cached = deps.cache.has('thumb', hash);
  const copied = cached ? analysedContent(deps.db, hash) : null;
  if (copied) return { thumb: 'ready', placeholder: copied.placeholder, analysis: copied.analysis };
  if (cached && painted?.px && painted.hash === hash) {
    const { px, placeholder } = painted;
    return { thumb: 'ready', placeholder, analysis: analyzePixels(px) };
  }
  let data: Buffer;
  if (cached) {
    data = await readFile(deps.cache.pathFor('thumb', hash));
  } else {
    const pixels = await still();
    if (!pixels || pixels.input === '') return { thumb: 'none', placeholder: null, analysis: null };
    data = await renderThumbnail(pixels.input, pixels.orientation);
    await deps.cache.write('thumb', hash, data);
    faultPoint('scan.thumb-written');
  }
  // One decode of the thumbnail serves both the placeholder and the analysis.
  const px = await rgbaOf(data);
  return { thumb: 'ready', placeholder: placeholderFromPixels(px), analysis: analyzePixels(px) };
}
