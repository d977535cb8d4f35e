import { rgbaToThumbHash } from 'thumbhash';
import type { Pixels } from './analyze-pixels';

/** ThumbHash keeps ~5×5 frequencies: input larger than this only costs time. */
export const PLACEHOLDER_SIDE = 32;

/**
 * ThumbHash (base64) from pixels already decoded for analysis: a box-average down to at
 * most 32 px (ThumbHash keeps ~5×5 frequencies; more input only costs time).
 */
export function placeholderFromPixels(px: Pixels): string {
  const scale = Math.max(1, Math.max(px.width, px.height) / PLACEHOLDER_SIDE);
  const w = Math.max(1, Math.round(px.width / scale));
  const h = Math.max(1, Math.round(px.height / scale));
  const { width, height, data } = px;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
      // Four running sums, not an array per cell: this runs for every indexed image.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let o = (yy * width + x0) * 4, end = (yy * width + x1) * 4; o < end; o += 4) {
          r += data[o] ?? 0;
          g += data[o + 1] ?? 0;
          b += data[o + 2] ?? 0;
          a += data[o + 3] ?? 0;
        }
      }
      const n = (x1 - x0) * (y1 - y0);
      const cell = (y * w + x) * 4;
      out[cell] = Math.round(r / n);
      out[cell + 1] = Math.round(g / n);
      out[cell + 2] = Math.round(b / n);
      out[cell + 3] = Math.round(a / n);
    }
  }
  return Buffer.from(rgbaToThumbHash(w, h, out)).toString('base64');
}
