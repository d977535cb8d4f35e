// Trimming near-white margins, and the frame that puts the product back at a fill share
// (Amazon: the product's longer side fills 85 % of the frame).
import type { Sharp } from 'sharp';
import { sharp } from '../sharp/sharp-lib';

/** The product's box in the upright source, in its pixels. */
export interface TrimBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Trimming is found on a small copy: a full-size trim costs several times the render. */
const PROBE_PX = 480;

/**
 * Where the near-background margins end, found on a copy at most PROBE_PX on a side
 * (flattened and in sRGB first: trim compares in the image's own colour space) and scaled
 * back, one probe pixel wider on each side so the product is never clipped.
 */
export async function findTrim(
  open: () => Sharp,
  size: { width: number; height: number },
  background: string,
  threshold: number,
): Promise<TrimBox> {
  const whole = { left: 0, top: 0, width: size.width, height: size.height };
  const probe = await open()
    .resize(PROBE_PX, PROBE_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { width: probe.info.width, height: probe.info.height, channels: probe.info.channels };
  try {
    const { info } = await sharp(probe.data, { raw })
      .trim({ background, threshold })
      .toBuffer({ resolveWithObject: true });
    const sx = size.width / raw.width;
    const sy = size.height / raw.height;
    const x0 = Math.max(0, Math.floor((-(info.trimOffsetLeft ?? 0) - 1) * sx));
    const y0 = Math.max(0, Math.floor((-(info.trimOffsetTop ?? 0) - 1) * sy));
    const x1 = Math.min(size.width, Math.ceil((-(info.trimOffsetLeft ?? 0) + info.width + 1) * sx));
    const y1 = Math.min(
      size.height,
      Math.ceil((-(info.trimOffsetTop ?? 0) + info.height + 1) * sy),
    );
    return { left: x0, top: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
  } catch (error) {
    // libvips refuses to trim an image that is all background: keep it whole.
    if (!/trim|bounding box/i.test(String(error))) throw error;
    return whole;
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
