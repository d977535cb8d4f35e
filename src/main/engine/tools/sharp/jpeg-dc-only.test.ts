import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { dcOnlyJpeg, decodesAtEighth, thumbnailSource } from './jpeg-dc-only';
import { renderThumbnail, THUMB_PX } from './render-thumbnail';

/** Detail everywhere (a gradient under noise), so the AC scans carry most of the bytes. */
function picture(width: number, height: number, seed = 1): Sharp {
  const data = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const o = (y * width + x) * 3;
      data[o] = (x * 255) / width + ((s >>> 24) & 63);
      data[o + 1] = (y * 255) / height;
      data[o + 2] = x < width / 2 ? 200 : (s >>> 16) & 255;
    }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

type Options = { sub?: '4:2:0' | '4:4:4'; grey?: boolean; orientation?: number; mozjpeg?: boolean };

async function progressive(width: number, height: number, o: Options = {}): Promise<Buffer> {
  let image = picture(width, height);
  if (o.grey) image = image.greyscale();
  if (o.orientation) image = image.withMetadata({ orientation: o.orientation });
  const mozjpeg = o.mozjpeg ? { optimiseScans: true, trellisQuantisation: true } : {};
  return image
    .jpeg({ progressive: true, quality: 85, chromaSubsampling: o.sub ?? '4:2:0', ...mozjpeg })
    .toBuffer();
}

describe('dcOnlyJpeg: the grid thumbnail is byte-identical', () => {
  const cases: [string, number, number, Options][] = [
    ['4:2:0, just at the gate (2880 px: shrink 9)', 2880, 1620, {}],
    ['4:4:4', 3000, 2000, { sub: '4:4:4' }],
    ['grey, portrait', 1900, 3200, { grey: true }],
    ['EXIF orientation 6', 3200, 2100, { orientation: 6 }],
    ['EXIF orientation 3, 4:4:4', 2900, 2900, { orientation: 3, sub: '4:4:4' }],
    ['mozjpeg scan script (optimiseScans)', 3000, 1700, { mozjpeg: true }],
  ];
  for (const [name, width, height, options] of cases) {
    it(name, async () => {
      const jpeg = await progressive(width, height, options);
      const cut = dcOnlyJpeg(jpeg, THUMB_PX);
      expect(cut).not.toBeNull();
      expect(cut!.length).toBeLessThan(jpeg.length / 2);
      expect(thumbnailSource(jpeg, undefined)).toEqual(cut);
      const [whole, fromDc] = await Promise.all([renderThumbnail(jpeg), renderThumbnail(cut!)]);
      expect(fromDc.equals(whole)).toBe(true);
      expect((await sharp(whole).metadata()).width).toBeGreaterThan(0);
    });
  }
});

describe('the gate: sharp decodes at 1/8 only from shrink 9', () => {
  it('follows sharp 0.35: shrink 8.x loads at 1/4, and square boxes ignore orientation', () => {
    expect(decodesAtEighth(2880, 1, 320)).toBe(true);
    expect(decodesAtEighth(1, 2880, 320)).toBe(true);
    expect(decodesAtEighth(2879, 2879, 320)).toBe(false);
    expect(decodesAtEighth(2560, 1600, 320)).toBe(false);
    expect(decodesAtEighth(100, 100, 320)).toBe(false);
  });

  it('refuses just under the gate, where the DC scans alone would change the thumbnail', async () => {
    const jpeg = await progressive(2879, 1620);
    expect(dcOnlyJpeg(jpeg, THUMB_PX)).toBeNull();
    expect(thumbnailSource(jpeg, undefined)).toBe(jpeg);
    // The same cut forced (a box for which 2879 px is past the gate): a 1/4 decode of it
    // differs, so the gate is what keeps the thumbnail the same.
    const forced = dcOnlyJpeg(jpeg, 300);
    expect(forced).not.toBeNull();
    const [whole, fromDc] = await Promise.all([renderThumbnail(jpeg), renderThumbnail(forced!)]);
    expect(fromDc.equals(whole)).toBe(false);
  });
});

describe('anything else is decoded as it is', () => {
  it('a baseline JPEG', async () => {
    const jpeg = await picture(3000, 1700).jpeg({ quality: 85 }).toBuffer();
    expect(dcOnlyJpeg(jpeg, THUMB_PX)).toBeNull();
  });

  it('a CMYK JPEG (Adobe marker)', async () => {
    const jpeg = await picture(3000, 1700)
      .toColourspace('cmyk')
      .jpeg({ progressive: true })
      .toBuffer();
    expect(dcOnlyJpeg(jpeg, THUMB_PX)).toBeNull();
  });

  it('bytes after the EOI, a truncated file, a damaged marker', async () => {
    const jpeg = await progressive(3000, 1700);
    expect(dcOnlyJpeg(jpeg, THUMB_PX)).not.toBeNull();
    expect(dcOnlyJpeg(Buffer.concat([jpeg, Buffer.from('trailer')]), THUMB_PX)).toBeNull();
    expect(dcOnlyJpeg(jpeg.subarray(0, jpeg.length - 1000), THUMB_PX)).toBeNull();
    expect(dcOnlyJpeg(jpeg.subarray(0, jpeg.length - 2), THUMB_PX)).toBeNull();
    const damaged = Buffer.from(jpeg);
    damaged[2] = 0x00; // the first marker after SOI
    expect(dcOnlyJpeg(damaged, THUMB_PX)).toBeNull();
  });

  it('a path, or an embedded preview with its own orientation', async () => {
    const jpeg = await progressive(3000, 1700);
    expect(thumbnailSource('/some/file.jpg', undefined)).toBe('/some/file.jpg');
    expect(thumbnailSource(jpeg, 6)).toBe(jpeg);
    expect(thumbnailSource(jpeg, null)).not.toBe(jpeg);
  });
});
