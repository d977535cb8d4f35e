// The pure-white border band indexing stores, and the claim export's plan rests on
// (render-options.ts' whiteBackgroundFor): where a thumbnail's band reads all 255 but the
// full-size border is not quite white, the pass that is then skipped would lift the
// backdrop and shadow by a few levels at most, when the shadow is kept; not when it is not.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderThumbnail, rgbaOf } from '../tools/sharp/render-thumbnail';
import { analyzePixels } from './analyze-pixels';
import { pureWhiteBand, whiteBackground, WHITE_BACKGROUND_DEFAULTS } from './white-background';

describe('pureWhiteBand', () => {
  const image = (w: number, h: number, paint?: (x: number, y: number) => number[] | null) => {
    const data = new Uint8Array(w * h * 4).fill(255);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = paint?.(x, y);
        if (v) data.set(v, (y * w + x) * 4);
      }
    return { width: w, height: h, channels: 4, data };
  };

  it('is true when every band pixel is opaque white, whatever is inside', () => {
    expect(pureWhiteBand(image(20, 10), 2)).toBe(true);
    const product = (x: number, y: number) =>
      x > 3 && x < 16 && y > 3 && y < 6 ? [0, 0, 0, 255] : null;
    expect(pureWhiteBand(image(20, 10, product), 2)).toBe(true);
  });

  it('is false for one band pixel a level off, or not opaque, on any side', () => {
    for (const [px, py] of [
      [5, 0],
      [5, 9],
      [0, 5],
      [19, 5],
      [18, 4], // the right band's inner column
      [1, 8],
    ]) {
      expect(
        pureWhiteBand(
          image(20, 10, (x, y) => (x === px && y === py ? [255, 254, 255, 255] : null)),
          2,
        ),
      ).toBe(false);
      expect(
        pureWhiteBand(
          image(20, 10, (x, y) => (x === px && y === py ? [255, 255, 255, 254] : null)),
          2,
        ),
      ).toBe(false);
    }
    // Just inside the band: not looked at.
    expect(
      pureWhiteBand(
        image(20, 10, (x, y) => (x === 2 && y === 5 ? [0, 0, 0, 255] : null)),
        2,
      ),
    ).toBe(true);
  });
});

const W = 1600;
const H = 1200;

/** A red box with a soft grey shadow under it on a backdrop of `backdrop`, as raw RGB. */
function studioShot(backdrop: number): Buffer {
  const b = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      if (x >= 500 && x < 1100 && y >= 300 && y < 800) {
        b.set([200, 40, 45], o);
        continue;
      }
      const sx = (x - 800) / 400;
      const sy = (y - 830) / 60;
      const v = Math.round(backdrop - 60 * Math.exp(-(sx * sx + sy * sy) * 1.5));
      b.set([v, v, v], o);
    }
  return b;
}

/** One-pixel specks of `v` along the very edge, `count` of them spread over the four sides. */
function specks(b: Buffer, v: number, count: number): Buffer {
  for (let k = 0; k < count; k++) {
    const t = (k * 397 + 11) % (H - 2);
    const [x, y] = [
      [t, 0],
      [t, H - 1],
      [0, t],
      [W - 1, t],
    ][k % 4] as [number, number];
    b.set([v, v, v], (y * W + x) * 3);
  }
  return b;
}

async function encode(raw: Buffer, format: 'jpeg' | 'png'): Promise<Buffer> {
  const image = sharp(raw, { raw: { width: W, height: H, channels: 3 } });
  return format === 'jpeg' ? image.jpeg({ quality: 90 }).toBuffer() : image.png().toBuffer();
}

const thumbnailSaysPure = async (file: Buffer): Promise<boolean | null> =>
  analyzePixels(await rgbaOf(await renderThumbnail(file))).pureWhiteBorder;

/** The most the full-size pass changes a channel, at least 4 px in from the edge. */
async function largestChange(file: Buffer, keepShadow: boolean): Promise<number> {
  const { data } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const out = whiteBackground(
    { width: W, height: H, channels: 3, data },
    { ...WHITE_BACKGROUND_DEFAULTS, keepShadow },
  ).data;
  let most = 0;
  for (let y = 4; y < H - 4; y++)
    for (let o = (y * W + 4) * 3; o < (y * W + W - 4) * 3; o++)
      most = Math.max(most, Math.abs((out[o] as number) - (data[o] as number)));
  return most;
}

describe('the thumbnail band stands for the full-size border', () => {
  it('reads a pure white backdrop as pure, and one a level below white as not', async () => {
    expect(await thumbnailSaysPure(await encode(studioShot(255), 'jpeg'))).toBe(true);
    expect(await thumbnailSaysPure(await encode(studioShot(254), 'jpeg'))).toBe(false);
    expect(await thumbnailSaysPure(await encode(specks(studioShot(255), 200, 4), 'png'))).toBe(
      false,
    );
  });

  it('hides only what the pass, with the shadow kept, would lift by a few levels', async () => {
    // A faint line down one edge and light specks: the thumbnail reads them as white.
    const line = studioShot(255);
    for (let y = 0; y < H; y++) line.set([253, 253, 253], y * W * 3);
    const hidden = [
      await encode(line, 'jpeg'),
      await encode(specks(studioShot(255), 245, 40), 'png'),
    ];
    for (const file of hidden) {
      expect(await thumbnailSaysPure(file)).toBe(true);
      expect(await largestChange(file, true)).toBeLessThanOrEqual(8);
      // Not vacuous: the full-size border is not pure, so the pass runs; without the shadow
      // kept it erases the shadow (60 levels): why the plan skips it only when kept.
      expect(await largestChange(file, false)).toBeGreaterThan(40);
    }
  }, 60_000);
});
