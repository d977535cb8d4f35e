import { placeholderFromPixels, PLACEHOLDER_SIDE } from '../analysis/placeholder';
import { firstScansPixels } from '../tools/sharp/first-scans-pixels';
import { firstScansJpeg } from '../tools/sharp/jpeg-first-scans';

/** A file whose DC scans are to paint it once the looks are done. */
export interface FirstScansDue {
  id: number;
  path: string;
  bytes: number;
  /** Its first bytes, read by its look (its own copy). */
  head: Buffer;
}

/**
 * Whether a file's head is a progressive JPEG's that `firstScansPlaceholder` may read (a
 * walk of its markers, no decode): the look's test of which files to paint later.
 */
export function firstScansDue(head: Buffer, bytes: number): boolean {
  try {
    return firstScansJpeg(head, head.length >= bytes) !== null;
  } catch {
    return false;
  }
}

/**
 * A costly file's first paint: a progressive JPEG without a camera thumbnail is painted
 * from its DC scans (a rough placeholder, replaced by its full index's as any look's is),
 * not left waiting for that index. Null for any other file, or when the scans cannot be read.
 */
export async function firstScansPlaceholder(
  path: string,
  bytes: number,
  head: Buffer,
): Promise<string | null> {
  const pixels = await firstScansPixels(path, bytes, head, PLACEHOLDER_SIDE);
  return pixels ? placeholderFromPixels(pixels) : null;
}
