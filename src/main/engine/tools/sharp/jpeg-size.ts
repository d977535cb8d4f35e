/**
 * A JPEG's stored width and height, from its frame header in the first bytes of the file,
 * without decoding anything. Null when the head is not a JPEG or ends before the frame.
 */
export function jpegSize(head: Uint8Array): { width: number; height: number } | null {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 <= head.length) {
    if (head[i] !== 0xff) return null; // not at a marker: a damaged file
    const marker = head[i + 1] ?? 0;
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += marker === 0xff ? 1 : 2; // a fill byte, or a marker with no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame
    // Start of frame: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = ((head[i + 5] ?? 0) << 8) | (head[i + 6] ?? 0);
      const width = ((head[i + 7] ?? 0) << 8) | (head[i + 8] ?? 0);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    const length = ((head[i + 2] ?? 0) << 8) | (head[i + 3] ?? 0);
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}
