// Trimming near-white margins, and the frame that puts the product back at a fill share
// (Amazon: the product's longer side fills 85 % of the frame).
import sharp from 'sharp';
import { openSource } from './sharp-input';

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Oriented, flattened onto the background, trimmed, sRGB 8-bit raw pixels. */
export async function trimmed(
  input: Buffer,
  background: string,
  threshold: number,
): Promise<RawImage> {
  // Trim compares pixels in the input's colour space, so convert first (CMYK, 16-bit).
  const flat = await openSource(input)
    .flatten({ background })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { width: flat.info.width, height: flat.info.height, channels: flat.info.channels };
  try {
    const { data, info } = await sharp(flat.data, { raw })
      .trim({ background, threshold })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (error) {
    // libvips refuses to trim an image that is all background: keep it whole.
    if (!/trim|bounding box/i.test(String(error))) throw error;
    return { data: flat.data, ...raw };
  }
}

export interface Frame {
  /** The product, resized to this. */
  productWidth: number;
  productHeight: number;
  /** The output, the product centred in it. */
  width: number;
  height: number;
}

/**
 * The smallest frame of the box's aspect (or the product's, when a side is free) in which
 * the product's longer side takes `fill` of the frame, scaled to the box (never up, when
 * withoutEnlargement).
 */
export function fillFrame(
  product: { width: number; height: number },
  box: { width: number | null; height: number | null },
  fill: number,
  withoutEnlargement: boolean,
): Frame {
  const { width: pw, height: ph } = product;
  const aspect = box.width !== null && box.height !== null ? box.width / box.height : pw / ph;
  const frameH = Math.max(ph / fill, pw / fill / aspect);
  const frameW = frameH * aspect;
  let scale = Math.min(
    box.width !== null ? box.width / frameW : Infinity,
    box.height !== null ? box.height / frameH : Infinity,
  );
  if (!Number.isFinite(scale) || (withoutEnlargement && scale > 1)) scale = 1;
  const width = Math.max(1, Math.round(frameW * scale));
  const height = Math.max(1, Math.round(frameH * scale));
  return {
    width,
    height,
    productWidth: Math.min(width, Math.max(1, Math.round(pw * scale))),
    productHeight: Math.min(height, Math.max(1, Math.round(ph * scale))),
  };
}
