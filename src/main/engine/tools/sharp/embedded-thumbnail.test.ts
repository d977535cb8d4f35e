import { existsSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCameraJpeg } from '../../../test-support/camera-jpeg';
import {
  asymmetricJpeg,
  long,
  short,
  withExif,
  type IfdEntry,
} from '../../../test-support/exif-jpeg';
import { tempDir } from '../../../test-support/sample-images';
import type { Pixels } from '../../analysis/analyze-pixels';
import { embeddedThumbnailPixels, thumbnailPixels } from './embedded-thumbnail';

const DEBIAN_CR2 = '/usr/share/doc/rawtran/IMG_5952.CR2';
/** A phone's photo: big-endian EXIF, Orientation 3, a 4:3 thumbnail. */
const DEBIAN_PHONE = '/usr/share/forensics-samples/original-files/pic2/IMG_20200124_231153.jpg';
const GREEN = { r: 20, g: 200, b: 40 };
const RED = { r: 220, g: 20, b: 20 };

let exiftool: ExifTool;
let dir: string;

beforeAll(async () => {
  exiftool = new ExifTool({ maxProcs: 1 });
  dir = await tempDir('embedded');
});
afterAll(async () => {
  await exiftool.end();
  await rm(dir, { recursive: true, force: true });
});

async function head(path: string, bytes = 128 * 1024): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function pixel(px: Pixels, x: number, y: number): number[] {
  const o = (y * px.width + x) * 4;
  return [px.data[o] ?? 0, px.data[o + 1] ?? 0, px.data[o + 2] ?? 0];
}

const isGreen = ([r, g, b]: number[]): boolean => (g ?? 0) > 150 && (r ?? 0) < 80 && (b ?? 0) < 90;

describe('embeddedThumbnailPixels', () => {
  it('decodes the camera thumbnail, not the frame, with the letterbox cut', async () => {
    const path = join(dir, 'landscape.jpg');
    await writeCameraJpeg(exiftool, path, {
      width: 600,
      height: 400,
      frame: RED,
      thumbnail: GREEN,
    });
    const px = await embeddedThumbnailPixels(await head(path), 32);
    expect(px).not.toBeNull();
    if (!px) return;
    // 3:2 like the frame, not the thumbnail's 160×120 (4:3) with black bars.
    expect([px.width, px.height]).toEqual([32, 21]);
    // Scaling blends the bars into the rows next to them: look one row in.
    for (const [x, y] of [
      [0, 1],
      [31, 1],
      [0, 19],
      [31, 19],
      [16, 10],
    ] as const)
      expect(isGreen(pixel(px, x, y)), `pixel ${x},${y}`).toBe(true);
  });

  it('turns the thumbnail upright by the EXIF orientation', async () => {
    const path = join(dir, 'portrait.jpg');
    await writeCameraJpeg(exiftool, path, {
      width: 600,
      height: 400,
      frame: RED,
      thumbnail: GREEN,
      orientation: 6,
    });
    const px = await embeddedThumbnailPixels(await head(path), 32);
    expect(px && [px.width, px.height]).toEqual([21, 32]);
  });

  // The full index turns the frame as libvips reads its Orientation: the placeholder must
  // turn the same way, or the grid's cell turns when its thumbnail replaces it.
  const ORIENTATION = 0x112;
  it.each<[string, IfdEntry]>([
    ['SHORT 6', [ORIENTATION, 3, 1, short(6)]],
    ['LONG 8', [ORIENTATION, 4, 1, long(8)]],
    ['SHORT 0', [ORIENTATION, 3, 1, short(0)]],
    ['SHORT 9', [ORIENTATION, 3, 1, short(9)]],
    ['ASCII "6"', [ORIENTATION, 2, 2, Buffer.from('6\0')]],
    ['RATIONAL 13/2', [ORIENTATION, 5, 1, long(13, 2)]],
    ['two SHORTs 6, 3', [ORIENTATION, 3, 2, short(6, 3)]],
  ])(
    'turns the thumbnail as libvips turns the frame for an Orientation of %s',
    async (_, entry) => {
      const picture = await asymmetricJpeg(64, 40);
      const file = withExif(picture, [entry], picture);
      const { data, info } = await sharp(file)
        .rotate()
        .resize(32, 32, { fit: 'inside' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const px = await embeddedThumbnailPixels(file, 32);
      // Two corners' colours (each channel on or off) tell every turn and mirror apart.
      const corners = (p: Pixels): string[] =>
        [pixel(p, 1, 1), pixel(p, p.width - 2, p.height - 2)].map((c) =>
          c.map((v) => (v > 128 ? 1 : 0)).join(''),
        );
      const vips = { width: info.width, height: info.height, data };
      expect(px && [px.width, px.height, ...corners(px)]).toEqual([
        vips.width,
        vips.height,
        ...corners(vips),
      ]);
    },
  );

  it('finds none in a JPEG without one, or when the head ends inside it', async () => {
    const plain = join(dir, 'plain.jpg');
    await sharp({ create: { width: 600, height: 400, channels: 3, background: RED } })
      .jpeg()
      .toFile(plain);
    expect(await embeddedThumbnailPixels(await head(plain), 32)).toBeNull();

    const path = join(dir, 'cut.jpg');
    await writeCameraJpeg(exiftool, path, {
      width: 640,
      height: 480,
      frame: RED,
      thumbnail: GREEN,
    });
    const whole = await head(path);
    expect(await embeddedThumbnailPixels(whole, 32)).not.toBeNull();
    // A head that ends inside the thumbnail (the second SOI marker is where it starts).
    const start = whole.indexOf(Buffer.from([0xff, 0xd8]), 2);
    expect(start).toBeGreaterThan(0);
    expect(await embeddedThumbnailPixels(whole.subarray(0, start + 100), 32)).toBeNull();
  });

  it.skipIf(!existsSync(DEBIAN_PHONE))(
    `turns a big-endian EXIF's thumbnail upright (${DEBIAN_PHONE} from forensics-samples-files)`,
    async () => {
      const start = await head(DEBIAN_PHONE);
      const thumb = Buffer.from((await exifr.thumbnail(start)) ?? []);
      const stored = await thumbnailPixels(thumb, 32);
      const px = await embeddedThumbnailPixels(start, 32);
      expect(px && [px.width, px.height]).toEqual([stored.width, stored.height]);
      // Orientation 3: turned half a turn, pixel for pixel.
      const turned = Buffer.alloc(stored.data.length);
      for (let i = 0; i < stored.width * stored.height; i++)
        turned.set(stored.data.subarray(i * 4, i * 4 + 4), turned.length - (i + 1) * 4);
      expect(px && Buffer.from(px.data).equals(turned)).toBe(true);
    },
  );

  it.skipIf(!existsSync(DEBIAN_CR2))(
    `reads the IFD1 thumbnail of a real CR2 (${DEBIAN_CR2} from rawtran-doc)`,
    async () => {
      const px = await embeddedThumbnailPixels(await head(DEBIAN_CR2), 32);
      // The camera's 3504×2336 frame is 3:2; its thumbnail is 160×120 with bars.
      expect(px && [px.width, px.height]).toEqual([32, 21]);
    },
  );
});

/** Noise: every pixel differs, so any change in scaling or rounding shows. */
function noise(width: number, height: number, channels: 1 | 3 | 4, seed: number): Buffer {
  const data = Buffer.alloc(width * height * channels);
  let x = seed;
  for (let i = 0; i < data.length; i++) data[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return data;
}

describe('thumbnailPixels', () => {
  // RGB's alpha band is added in JavaScript, not by libvips (ensureAlpha): the same bytes.
  it("gives the bytes libvips' own alpha band gave, for RGB, grey, CMYK and ICC thumbnails", async () => {
    const jpeg = (width: number, height: number, channels: 1 | 3 | 4, seed: number) =>
      sharp(noise(width, height, channels, seed), { raw: { width, height, channels } });
    const thumbs: Promise<Buffer>[] = [
      ...[
        [160, 120],
        [196, 122],
        [256, 160],
        [72, 128],
        [20, 15],
        [33, 31],
      ].map(([w, h], i) => jpeg(w!, h!, 3, i).jpeg({ quality: 80 }).toBuffer()),
      jpeg(160, 120, 1, 7).toColourspace('b-w').jpeg().toBuffer(),
      jpeg(160, 120, 3, 8).toColourspace('cmyk').jpeg().toBuffer(),
      jpeg(160, 120, 3, 9).jpeg().withIccProfile('p3').toBuffer(),
    ];
    for (const thumb of await Promise.all(thumbs)) {
      const { data, info } = await sharp(thumb, { failOn: 'warning' })
        .resize(32, 32, { fit: 'inside', withoutEnlargement: true })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const px = await thumbnailPixels(thumb, 32);
      expect([px.width, px.height]).toEqual([info.width, info.height]);
      expect(Buffer.from(px.data).equals(data)).toBe(true);
    }
  });
});
