// Generated studio shots for the white-background tests and bench: raw RGB pixels with a
// mask of what is product, what is shadow and what is backdrop, so a test can say which
// pixels must be untouched and which must turn white.
import sharp from 'sharp';

export const PRODUCT = 1;
export const SHADOW = 2;
/** A product's outer anti-aliased rim (under half covered): it may be blended. */
export const RIM = 3;

export interface StudioShot {
  width: number;
  height: number;
  channels: 3;
  data: Uint8Array;
  /** Per pixel: 0 backdrop, PRODUCT (at least half covered), RIM, SHADOW (10 darker or more). */
  mask: Uint8Array;
}

/** Deterministic noise in [-amp, amp]. */
function noise(seed: number): (amp: number) => number {
  let s = seed >>> 0 || 1;
  return (amp) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return Math.round((((s >>> 0) % 1000) / 999) * 2 * amp - amp);
  };
}

const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

/**
 * A red rounded box on an off-white backdrop (`backdrop` in the middle, a vignette to about
 * `vignette` darker in the corners, a warm tint, noise ±3) with a soft grey shadow under it
 * (up to 60 darker).
 */
export function colouredProductShot(
  width = 600,
  height = 450,
  { backdrop = 246, vignette = 12 } = {},
): StudioShot {
  const n = width * height;
  const data = new Uint8Array(n * 3);
  const mask = new Uint8Array(n);
  const rnd = noise(7);
  const cx = width / 2;
  const cy = height * 0.45;
  const hw = width * 0.2;
  const hh = height * 0.25;
  const diag = Math.hypot(cx, cy);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const dark = vignette * Math.min(1, Math.hypot(x - width / 2, y - height / 2) / diag) ** 2;
      let base = backdrop - dark;
      // The shadow: an ellipse under the box, fading out smoothly.
      const sx = (x - cx) / (hw * 1.3);
      const sy = (y - (cy + hh)) / (hh * 0.35);
      const shade = 60 * Math.exp(-(sx * sx + sy * sy) * 1.5);
      base -= shade;
      let r = base + 1 + rnd(3);
      let g = base + rnd(3);
      let b = base - 2 + rnd(3);
      // The product, anti-aliased over one pixel: coverage from the rounded box's distance.
      const dx = Math.max(0, Math.abs(x + 0.5 - cx) - hw + 20);
      const dy = Math.max(0, Math.abs(y + 0.5 - cy) - hh + 20);
      const cover = Math.max(0, Math.min(1, 20.5 - Math.hypot(dx, dy)));
      if (cover > 0) {
        r = r * (1 - cover) + 200 * cover;
        g = g * (1 - cover) + 40 * cover;
        b = b * (1 - cover) + 45 * cover;
        mask[i] = cover >= 0.5 ? PRODUCT : RIM;
      } else if (shade > 10) {
        mask[i] = SHADOW;
      }
      data[i * 3] = clamp(r);
      data[i * 3 + 1] = clamp(g);
      data[i * 3 + 2] = clamp(b);
    }
  }
  return { width, height, channels: 3, data, mask };
}

/**
 * A white mug (body 252) drawn with a 2 px grey outline (150), with a ring for a handle, on
 * a near-white backdrop (249, noise ±2): white on white, told apart only by the outline.
 */
export function whiteMugShot(width = 500, height = 400): StudioShot {
  const n = width * height;
  const data = new Uint8Array(n * 3);
  const mask = new Uint8Array(n);
  const rnd = noise(11);
  const left = width * 0.3;
  const right = width * 0.62;
  const top = height * 0.25;
  const bottom = height * 0.8;
  const hx = right;
  const hy = (top + bottom) / 2;
  const hr = height * 0.14;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const px = x + 0.5;
      const py = y + 0.5;
      // Distance outside the body's rectangle (negative inside), and from the handle's ring.
      const outside = Math.max(left - px, px - right, top - py, py - bottom);
      const ring = Math.abs(Math.hypot(px - hx, py - hy) - hr);
      const line = Math.min(Math.abs(outside), px > right ? ring : Infinity);
      let v = outside < 0 ? 252 : 249 + rnd(2);
      // The outline: 2 px of grey, anti-aliased over one more pixel.
      const ink = Math.max(0, Math.min(1, 2 - line));
      v = v * (1 - ink) + 150 * ink;
      if (outside < 0 || ink >= 0.5) mask[i] = PRODUCT;
      else if (ink > 0) mask[i] = RIM;
      data[i * 3] = clamp(v);
      data[i * 3 + 1] = clamp(v);
      data[i * 3 + 2] = clamp(v);
    }
  }
  return { width, height, channels: 3, data, mask };
}

/** The shot as PNG bytes (lossless, so a test's pixel positions hold). */
export async function shotPng(shot: StudioShot): Promise<Buffer> {
  return sharp(Buffer.from(shot.data), {
    raw: { width: shot.width, height: shot.height, channels: 3 },
  })
    .png()
    .toBuffer();
}

/**
 * A blue box with a soft shadow under it on pure white, as a JPEG (the export bench's
 * kind): its backdrop is already 255 all round. Geometry in fractions of the frame.
 */
export async function pureWhiteShotJpeg(width = 1200, height = 900): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  const [boxLeft, boxRight] = [width / 3, (width * 2) / 3];
  const [boxTop, boxBottom] = [height * (5 / 18), height * (2 / 3)];
  const [shadowX, shadowY] = [width / 2, height * (31 / 45)];
  const [spreadX, spreadY] = [width / 4, height / 20];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inBox = x >= boxLeft && x < boxRight && y >= boxTop && y < boxBottom;
      const [sx, sy] = [(x - shadowX) / spreadX, (y - shadowY) / spreadY];
      const v = Math.round(255 - 60 * Math.exp(-(sx * sx + sy * sy) * 1.5));
      raw.set(inBox ? [40, 90, 200] : [v, v, v], (y * width + x) * 3);
    }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
