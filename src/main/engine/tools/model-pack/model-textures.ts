// Textures with sharp: resized to a channel's cap (and down to powers of two), and turned
// into what a USDZ may hold (PNG or JPEG). Each texture is decoded and encoded once, to its
// exact size: gltf-transform's textureCompress fits within a box or rounds to a power of two,
// not both in one pass.
import { sharp } from '../sharp/sharp-lib';
import { ImageUtils, type Document, type Texture } from '@gltf-transform/core';
import { isPowerOfTwo } from './model-stats';

const LIMIT_INPUT_PIXELS = 16_384 * 16_384;
const FORMATS = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'image/avif': 'avif',
} as const;

/** The size a texture is resized to: within `max` on its longest side, then floored to powers of two. */
export function textureTarget(
  width: number,
  height: number,
  max: number | null,
  powerOfTwo: boolean,
): [number, number] {
  let [w, h] = [width, height];
  const long = Math.max(w, h);
  if (max !== null && long > max) {
    w = Math.max(1, Math.floor((w * max) / long));
    h = Math.max(1, Math.floor((h * max) / long));
  }
  if (powerOfTwo) [w, h] = [floorPot(w), floorPot(h)];
  return [w, h];
}

function floorPot(n: number): number {
  return isPowerOfTwo(n) ? n : 2 ** Math.floor(Math.log2(Math.max(1, n)));
}

/** Resizes every texture over the cap (or not a power of two, when asked); returns how many. */
export async function fitTextures(
  doc: Document,
  max: number | null,
  powerOfTwo: boolean,
): Promise<number> {
  let resized = 0;
  for (const texture of doc.getRoot().listTextures()) {
    const image = texture.getImage();
    const format = FORMATS[texture.getMimeType() as keyof typeof FORMATS] as
      (typeof FORMATS)[keyof typeof FORMATS] | undefined;
    const size = image && ImageUtils.getSize(image, texture.getMimeType());
    if (!image || !format || !size) continue; // KTX2 and the like: left as they are
    const [w, h] = textureTarget(size[0], size[1], max, powerOfTwo);
    if (w === size[0] && h === size[1]) continue;
    const out = await sharp(image, { limitInputPixels: LIMIT_INPUT_PIXELS })
      .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
      .toFormat(format, format === 'jpeg' ? { quality: 90 } : {})
      .toBuffer();
    texture.setImage(new Uint8Array(out));
    resized++;
  }
  return resized;
}

/** Each texture as a USDZ may hold it: PNG and JPEG as they are, WebP and AVIF as PNG. */
export async function usdzImages(
  doc: Document,
): Promise<Map<Texture, { name: string; data: Uint8Array }>> {
  const out = new Map<Texture, { name: string; data: Uint8Array }>();
  let i = 0;
  for (const texture of doc.getRoot().listTextures()) {
    const image = texture.getImage();
    const mime = texture.getMimeType();
    if (!image) continue;
    const n = i++;
    if (mime === 'image/png' || mime === 'image/jpeg')
      out.set(texture, {
        name: `textures/t${n}.${mime === 'image/png' ? 'png' : 'jpg'}`,
        data: image,
      });
    else if (mime === 'image/webp' || mime === 'image/avif') {
      const png = await sharp(image, { limitInputPixels: LIMIT_INPUT_PIXELS }).png().toBuffer();
      out.set(texture, { name: `textures/t${n}.png`, data: new Uint8Array(png) });
    }
    // KTX2 (Basis) cannot be decoded here: the USDZ goes without that texture.
  }
  return out;
}
