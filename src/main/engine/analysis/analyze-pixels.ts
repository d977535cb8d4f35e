// Image analysis on a small RGBA rendition (the grid thumbnail): cheap enough to run for
// every asset at index time, precise enough for search and checks on product shots.
import { ColorHistogram, round, type DominantColor } from './dominant-colors';
import { pureWhiteBand } from './white-background';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

export interface ImageAnalysis {
  /** Up to five dominant colours, most common first. */
  colors: DominantColor[];
  /** Share (0–1) of border pixels that are near-white: a packshot on white scores ~1. */
  whiteBackground: number;
  /**
   * Every pixel of that border band opaque pure white (export's white-background pass has
   * nothing to do); null: not measured (a copy of a row indexed before it was).
   */
  pureWhiteBorder: boolean | null;
  /** Area of the bounding box of what is not background, against the frame (0–1). */
  fill: number;
  /** Variance of the Laplacian of the luminance: higher is sharper (compare within a shoot). */
  sharpness: number;
  /** 64-bit perceptual hash (DCT of a 32×32 luminance), hex. */
  phash: string;
}

const NEAR_WHITE = 240;

export function analyzePixels(px: Pixels): ImageAnalysis {
  const pass = measure(px);
  return {
    colors: pass.colors.top(),
    whiteBackground: round(pass.borderPixels === 0 ? 0 : pass.whiteBorder / pass.borderPixels),
    pureWhiteBorder: pureWhiteBand({ ...px, channels: 4 }, borderBand(px.width, px.height)),
    fill: pass.fill,
    sharpness: laplacianVariance(pass.luma, px.width, px.height),
    phash: perceptualHash(pass.luma, px.width, px.height),
  };
}

interface PixelPass {
  /** Luminance with transparency flattened onto white (transparent is background). */
  luma: Float64Array;
  colors: ColorHistogram;
  /** Pixels in the border band, and how many of them are background. */
  borderPixels: number;
  whiteBorder: number;
  /** Bounding box of what is not background, against the frame. */
  fill: number;
}

/**
 * One pass over the pixels for everything read per pixel: luminance, the colour histogram,
 * the border's white share and the bounding box of the product. `data` must hold
 * width × height × 4 bytes.
 */
function measure(px: Pixels): PixelPass {
  const { width: w, height: h, data } = px;
  const luma = new Float64Array(w * h);
  const colors = new ColorHistogram();
  const band = borderBand(w, h);
  let borderPixels = 0;
  let whiteBorder = 0;
  let minX = w;
  let minY = h;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0, i = 0; y < h; y++) {
    const borderRow = y < band || y >= h - band;
    for (let x = 0; x < w; x++, i++) {
      const o = i * 4;
      const r = data[o] ?? 0;
      const g = data[o + 1] ?? 0;
      const b = data[o + 2] ?? 0;
      const a = data[o + 3] ?? 255;
      if (a === 255) {
        luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
      } else {
        // Blend onto white: c·t + 255·(1 − t), which is exactly c when opaque (above).
        const t = a / 255;
        const white = 255 * (1 - t);
        luma[i] = 0.299 * (r * t + white) + 0.587 * (g * t + white) + 0.114 * (b * t + white);
      }
      if (a >= 128) colors.add(r, g, b);
      const background = a < 16 || (r >= NEAR_WHITE && g >= NEAR_WHITE && b >= NEAR_WHITE);
      if (borderRow || x < band || x >= w - band) {
        borderPixels++;
        if (background) whiteBorder++;
      }
      if (!background) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        maxY = y;
      }
    }
  }
  const fill = maxX < 0 ? 0 : round(((maxX - minX + 1) * (maxY - minY + 1)) / (w * h));
  return { luma, colors, borderPixels, whiteBorder, fill };
}

/** The border band white_bg measures: 2 % of the shorter side, at least a pixel. */
function borderBand(w: number, h: number): number {
  return Math.max(1, Math.round(Math.min(w, h) * 0.02));
}

function laplacianVariance(luma: Float64Array, w: number, h: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v =
        (luma[i - w] ?? 0) +
        (luma[i + w] ?? 0) +
        (luma[i - 1] ?? 0) +
        (luma[i + 1] ?? 0) -
        4 * (luma[i] ?? 0);
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.round((sumSq / n - mean * mean) * 10) / 10;
}

/** cos((2x + 1) u π / 64) for the 8 lowest frequencies u over 32 samples x. */
const COS = Float64Array.from({ length: 8 * 32 }, (_, i) =>
  Math.cos(((2 * (i % 32) + 1) * Math.floor(i / 32) * Math.PI) / 64),
);

/** pHash: DCT of a 32×32 luminance, the 8×8 lowest frequencies against their median. */
function perceptualHash(luma: Float64Array, w: number, h: number): string {
  const N = 32;
  const small = new Float64Array(N * N);
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      // Box-average the source area that maps to this cell.
      const x0 = Math.floor((x * w) / N);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * w) / N));
      const y0 = Math.floor((y * h) / N);
      const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * h) / N));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++)
        for (let xx = x0; xx < x1; xx++) sum += luma[yy * w + xx] ?? 0;
      small[y * N + x] = sum / ((x1 - x0) * (y1 - y0));
    }
  }
  // Separable DCT with a precomputed cosine table: 8 × 32 × 32 + 8 × 8 × 32 products.
  const rows = new Float64Array(8 * N);
  for (let u = 0; u < 8; u++) {
    for (let y = 0; y < N; y++) {
      let sum = 0;
      for (let x = 0; x < N; x++) sum += (small[y * N + x] ?? 0) * (COS[u * N + x] ?? 0);
      rows[u * N + y] = sum;
    }
  }
  const coefficients: number[] = [];
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < N; y++) sum += (rows[u * N + y] ?? 0) * (COS[v * N + y] ?? 0);
      coefficients.push(sum);
    }
  }
  const rest = coefficients.slice(1); // the DC term says only how bright the image is
  const median = [...rest].sort((a, b) => a - b)[Math.floor(rest.length / 2)] ?? 0;
  let hex = '';
  for (let i = 0; i < 64; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b++)
      nibble = (nibble << 1) | ((coefficients[i + b] ?? 0) > median ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

/** Number of differing bits between two 64-bit hex hashes. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = parseInt(a[i] ?? '0', 16) ^ parseInt(b[i] ?? '0', 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}
