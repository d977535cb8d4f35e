// Product shots for export tests and the bench, made with sharp: a textured object (so
// JPEG sizes are realistic) on white, on grey, cut out (transparent PNG), in CMYK, in
// 16-bit, and too small for most channels.
import sharp, { type Sharp } from 'sharp';

export type ShotKind = 'white' | 'grey' | 'transparent' | 'cmyk' | 'png16' | 'small';

export interface Shot {
  kind: ShotKind;
  ext: string;
  data: Buffer;
  width: number;
  height: number;
}

/** The object takes `share` of each side, centred; `seed` varies its colour. */
async function objectOn(
  width: number,
  height: number,
  background: { r: number; g: number; b: number; alpha: number },
  seed: number,
  share = 0.6,
): Promise<Sharp> {
  const ow = Math.round(width * share);
  const oh = Math.round(height * share);
  const hue = (seed * 67) % 360;
  const shape = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ow}" height="${oh}">
      <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},65%,55%)"/>
      <stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,30%)"/></linearGradient></defs>
      <rect width="${ow}" height="${oh}" rx="${Math.round(ow / 8)}" fill="url(#g)"/>
      <circle cx="${ow * 0.35}" cy="${oh * 0.4}" r="${Math.min(ow, oh) / 6}" fill="hsl(${(hue + 180) % 360},60%,50%)"/>
    </svg>`,
  );
  const texture = await sharp({
    create: {
      width: ow,
      height: oh,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: 24 },
    },
  })
    .png()
    .toBuffer();
  const object = await sharp(shape)
    .composite([{ input: texture, blend: 'soft-light' }])
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 4, background } }).composite([
    { input: object, left: Math.round((width - ow) / 2), top: Math.round((height - oh) / 2) },
  ]);
}

const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };

export async function productShot(
  kind: ShotKind,
  seed = 0,
  size: { width: number; height: number } = { width: 1800, height: 1400 },
): Promise<Shot> {
  const { width, height } = kind === 'small' ? { width: 300, height: 240 } : size;
  const flat = async (bg: typeof WHITE): Promise<Sharp> =>
    sharp(
      await (await objectOn(width, height, bg, seed)).flatten({ background: bg }).png().toBuffer(),
    );
  let data: Buffer;
  let ext = 'jpg';
  switch (kind) {
    case 'white':
    case 'small':
      data = await (await flat(WHITE)).jpeg({ quality: 92 }).toBuffer();
      break;
    case 'grey':
      data = await (
        await flat({ r: 128, g: 128, b: 128, alpha: 1 })
      )
        .jpeg({ quality: 92 })
        .toBuffer();
      break;
    case 'transparent':
      data = await (
        await objectOn(width, height, { r: 0, g: 0, b: 0, alpha: 0 }, seed)
      )
        .png()
        .toBuffer();
      ext = 'png';
      break;
    case 'cmyk':
      data = await (await flat(WHITE)).toColourspace('cmyk').jpeg({ quality: 92 }).toBuffer();
      break;
    case 'png16':
      data = await (await flat(WHITE)).toColourspace('rgb16').png().toBuffer();
      ext = 'png';
      break;
  }
  return { kind, ext, data, width, height };
}
