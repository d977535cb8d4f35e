import sharp from 'sharp';
import { MAX_INPUT_PIXELS } from './render-thumbnail';

/** The difference image's longest side: enough to see what changed, cheap to compute. */
export const DIFF_PX = 1024;
const AMPLIFY = 4;
const CHANGED_ABOVE = 8;

export interface PixelDiff {
  png: Buffer;
  width: number;
  height: number;
  changedShare: number;
  meanDifference: number;
}

/**
 * |a − b| per channel, amplified so small edits show: b is decoded to a's size (both
 * upright, fitted into DIFF_PX), so a crop or a resize shows as a difference everywhere,
 * which is what it is.
 */
export async function pixelDiff(a: Buffer | string, b: Buffer | string): Promise<PixelDiff> {
  const first = await sharp(a, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(DIFF_PX, DIFF_PX, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = first.info;
  const second = await sharp(b, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer();
  const pa = first.data;
  const out = Buffer.alloc(width * height * 3);
  let changed = 0;
  let sum = 0;
  for (let p = 0; p < width * height; p++) {
    let most = 0;
    for (let c = 0; c < 3; c++) {
      const i = p * 3 + c;
      const d = Math.abs((pa[i] ?? 0) - (second[i] ?? 0));
      sum += d;
      if (d > most) most = d;
      out[i] = Math.min(255, d * AMPLIFY);
    }
    if (most > CHANGED_ABOVE) changed++;
  }
  const png = await sharp(out, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  const pixels = width * height;
  return {
    png,
    width,
    height,
    changedShare: pixels ? changed / pixels : 0,
    meanDifference: pixels ? sum / (pixels * 3) : 0,
  };
}
