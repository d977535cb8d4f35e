import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropPixels, orientPixels } from './pixel-geometry';

// A 3×2 image whose every pixel differs, so any misplaced pixel shows.
const W = 3;
const H = 2;
const stored = Uint8Array.from({ length: W * H * 4 }, (_, i) => (i % 4 === 3 ? 255 : i * 9));

describe('orientPixels', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'turns orientation %i upright exactly as libvips does',
    async (orientation) => {
      // The reference: a TIFF carrying the orientation, turned upright by sharp.
      const tiff = await sharp(Buffer.from(stored), { raw: { width: W, height: H, channels: 4 } })
        .withMetadata({ orientation })
        .tiff({ compression: 'none' })
        .toBuffer();
      const { data, info } = await sharp(tiff)
        .rotate()
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const ours = orientPixels({ width: W, height: H, data: stored }, orientation);
      expect([ours.width, ours.height]).toEqual([info.width, info.height]);
      expect([...ours.data]).toEqual([...data]);
    },
  );
});

describe('orientPixels outside 1–8', () => {
  it.each([0, 9, 6.5, Number.NaN])('leaves orientation %s as stored', (orientation) => {
    const px = { width: W, height: H, data: stored };
    expect(orientPixels(px, orientation)).toBe(px);
  });
});

describe('cropPixels', () => {
  it('copies the region row by row', () => {
    const cut = cropPixels(
      { width: W, height: H, data: stored },
      { left: 1, top: 1, width: 2, height: 1 },
    );
    expect([cut.width, cut.height]).toEqual([2, 1]);
    expect([...cut.data]).toEqual([...stored.subarray(16, 24)]);
  });
});
