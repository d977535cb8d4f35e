// The plain per-pixel analysis the engine shipped before its single-pass rewrite, kept only
// as the oracle the fast version must match exactly (analysis-reference.test.ts). Slow on
// purpose: a Map of objects per colour bin, one loop per measure, an array per cell.
import { rgbaToThumbHash } from 'thumbhash';
import type { ImageAnalysis, Pixels } from '../engine/analysis/analyze-pixels';
import { colorName } from '../engine/analysis/dominant-colors';

const NEAR_WHITE = 240;
const MAX_SIDE = 32;

export function referenceAnalysis(px: Pixels): ImageAnalysis {
  const luma = luminance(px);
  return {
    colors: dominantColors(px),
    whiteBackground: whiteBorderShare(px),
    pureWhiteBorder: pureWhiteBorder(px),
    fill: fillRatio(px),
    sharpness: laplacianVariance(luma, px.width, px.height),
    phash: perceptualHash(luma, px.width, px.height),
  };
}

function luminance(px: Pixels): Float64Array {
  const out = new Float64Array(px.width * px.height);
  for (let i = 0; i < out.length; i++) {
    const o = i * 4;
    const a = (px.data[o + 3] ?? 255) / 255;
    // Transparent pixels count as white: they are background once flattened.
    const blend = (c: number) => c * a + 255 * (1 - a);
    out[i] =
      0.299 * blend(px.data[o] ?? 0) +
      0.587 * blend(px.data[o + 1] ?? 0) +
      0.114 * blend(px.data[o + 2] ?? 0);
  }
  return out;
}

function isBackground(px: Pixels, i: number): boolean {
  const o = i * 4;
  if ((px.data[o + 3] ?? 255) < 16) return true;
  return (
    (px.data[o] ?? 0) >= NEAR_WHITE &&
    (px.data[o + 1] ?? 0) >= NEAR_WHITE &&
    (px.data[o + 2] ?? 0) >= NEAR_WHITE
  );
}

function whiteBorderShare(px: Pixels): number {
  const { width: w, height: h } = px;
  const band = Math.max(1, Math.round(Math.min(w, h) * 0.02));
  let white = 0;
  let total = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x >= band && x < w - band && y >= band && y < h - band) continue;
      total++;
      if (isBackground(px, y * w + x)) white++;
    }
  }
  return round(total === 0 ? 0 : white / total);
}

function pureWhiteBorder(px: Pixels): boolean {
  const { width: w, height: h } = px;
  const band = Math.max(1, Math.round(Math.min(w, h) * 0.02));
  let pure = w > 0 && h > 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x >= band && x < w - band && y >= band && y < h - band) continue;
      for (let c = 0; c < 4; c++) if (px.data[(y * w + x) * 4 + c] !== 255) pure = false;
    }
  }
  return pure;
}

function fillRatio(px: Pixels): number {
  const { width: w, height: h } = px;
  let minX = w;
  let minY = h;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (isBackground(px, y * w + x)) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return 0;
  return round(((maxX - minX + 1) * (maxY - minY + 1)) / (w * h));
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

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Dominant colours by counting pixels in a 4-bit-per-channel histogram. */
function dominantColors(px: Pixels): ImageAnalysis['colors'] {
  const bins = new Map<number, { n: number; r: number; g: number; b: number }>();
  let counted = 0;
  for (let i = 0; i < px.width * px.height; i++) {
    const o = i * 4;
    if ((px.data[o + 3] ?? 255) < 128) continue;
    const r = px.data[o] ?? 0;
    const g = px.data[o + 1] ?? 0;
    const b = px.data[o + 2] ?? 0;
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bin = bins.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    bin.n++;
    bin.r += r;
    bin.g += g;
    bin.b += b;
    bins.set(key, bin);
    counted++;
  }
  const top = [...bins.values()].sort((a, b) => b.n - a.n).slice(0, 5);
  return top
    .map((bin) => {
      const [r, g, b] = [bin.r / bin.n, bin.g / bin.n, bin.b / bin.n].map(Math.round) as [
        number,
        number,
        number,
      ];
      const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
      return { hex, name: colorName(r, g, b), share: round(bin.n / Math.max(1, counted)) };
    })
    .filter((c) => c.share >= 0.02);
}

export function referencePlaceholder(px: Pixels): string {
  const scale = Math.max(1, Math.max(px.width, px.height) / MAX_SIDE);
  const w = Math.max(1, Math.round(px.width / scale));
  const h = Math.max(1, Math.round(px.height / scale));
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * px.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * px.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * px.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * px.width) / w));
      const sum = [0, 0, 0, 0];
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const o = (yy * px.width + xx) * 4;
          for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (px.data[o + c] ?? 0);
        }
      }
      const n = (x1 - x0) * (y1 - y0);
      for (let c = 0; c < 4; c++) out[(y * w + x) * 4 + c] = Math.round((sum[c] ?? 0) / n);
    }
  }
  return Buffer.from(rgbaToThumbHash(w, h, out)).toString('base64');
}
