import { placeholderFromPixels, PLACEHOLDER_SIDE } from '../analysis/placeholder';
import { firstScansPixels } from '../tools/sharp/first-scans-pixels';

/**
 * A costly file's look: a progressive JPEG without a camera thumbnail is painted from its
 * DC scans (a rough placeholder, replaced by its full index's as any look's is), not left
 * waiting for that index. Null for any other file, or when the scans cannot be read.
 */
export async function firstScansPlaceholder(
  path: string,
  bytes: number,
  head: Buffer,
): Promise<string | null> {
  const pixels = await firstScansPixels(path, bytes, head, PLACEHOLDER_SIDE);
  return pixels ? placeholderFromPixels(pixels) : null;
}
