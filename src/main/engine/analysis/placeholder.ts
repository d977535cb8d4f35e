import { rgbaToThumbHash } from 'thumbhash';
import type { Pixels } from './analyze-pixels';

const MAX_SIDE = 32;

/**
 * ThumbHash (base64) from pixels already decoded for analysis: a box-average down to at
 * most 32 px (ThumbHash keeps ~5×5 frequencies; more input only costs time).
 */
export function placeholderFromPixels(px: Pixels): string {
  const scale = Math.max(1, Math.max(px.width, px.height) / MAX_SIDE);
  const w = Math.max(1, Math.round(px.width / scale));
  const h = Math.max(1, Math.round(px.height / scale));
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * px.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * px.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * px.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * px.width) / w));
      const sum = [0, 0, 0, 0];
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const o = (yy * px.width + xx) * 4;
          for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (px.data[o + c] ?? 0);
        }
      }
      const n = (x1 - x0) * (y1 - y0);
      for (let c = 0; c < 4; c++) out[(y * w + x) * 4 + c] = Math.round((sum[c] ?? 0) / n);
    }
  }
  return Buffer.from(rgbaToThumbHash(w, h, out)).toString('base64');
}
