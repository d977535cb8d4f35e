// A studio shot's near-white backdrop made pure white: flood from the borders through
// near-white (and, for shadows, light neutral grey) pixels, stopping where the image has an
// edge, then paint what the flood reached white, fading over a few pixels next to the
// product so its outline keeps its own anti-aliasing (no halo, no jaggies). Pixels the flood
// did not reach are never written: the product is untouched.

export interface WhiteBackgroundOptions {
  /** How far below 255 (luminance) the backdrop may be: 32 takes 223 and lighter. */
  tolerance: number;
  /** Pixels over which the background fades from the source's own colour to white. */
  feather: number;
  /** Keep a soft neutral shadow (lightened as the backdrop is) instead of erasing it. */
  keepShadow: boolean;
}

export const WHITE_BACKGROUND_DEFAULTS: WhiteBackgroundOptions = {
  tolerance: 32,
  feather: 2,
  keepShadow: true,
};

/** Raw interleaved pixels (3 or 4 channels, 8 bits); a fourth channel is left as it is. */
export interface RawImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

export interface WhiteBackgroundResult {
  /** The cleaned pixels (the input's own array when nothing was changed). */
  data: Uint8Array;
  /** Why nothing was changed, or null when the background was made white. */
  skipped: 'no near-white border' | 'already pure white' | null;
  /** Share of the border that is backdrop, and of the whole image. */
  borderShare: number;
  backgroundShare: number;
}

/**
 * The largest step of the smoothed luminance between neighbours the flood crosses. Noise
 * (σ ≈ 3 per channel) smoothed over 3 × 3 steps by about 1; a vignette or a soft shadow by
 * 1–3 a pixel; a product's outline, even a faint grey one, by 10 or more.
 */
const EDGE_STEP = 6;
/** How much darker than the backdrop a shadow may be and still be backdrop. */
const SHADOW_DEPTH = 110;
/** Largest max − min of a pixel's channels that is still neutral (backdrop or shadow). */
const NEUTRAL = 24;
/** Below this share of the border being backdrop, this is not a studio shot: left alone. */
const MIN_BORDER_SHARE = 0.5;

export function whiteBackground(
  img: RawImage,
  opts: WhiteBackgroundOptions,
): WhiteBackgroundResult {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const border = borderPixels(w, h);
  // A border already pure white all round is a backdrop someone made white: the full pass
  // (~0.1–0.2 s at 3 MP) would only round the JPEG ringing next to the product, which the
  // encode after it brings back. Answered from the border alone.
  if (allPureWhite(img, border)) {
    return { data, skipped: 'already pure white', borderShare: 1, backgroundShare: 0 };
  }
  // Luminance summed over 3 × 3 (nine times the mean): every level below is in those units.
  const { sum9, neutral } = lumaAndNeutral(img);
  const near9 = 9 * (255 - Math.max(0, Math.min(255, Math.round(opts.tolerance))));
  const inBg = new Uint8Array(n);
  const queue = new Int32Array(n);
  // Seeds: near-white, neutral border pixels. The darkest seed is the backdrop's reference:
  // as light as that is backdrop (made white), darker is shadow.
  let tail = 0;
  let ref9 = 9 * 255;
  for (const i of border) {
    const v = sum9[i] as number;
    if (inBg[i] || v < near9 || !neutral[i]) continue;
    inBg[i] = 1;
    queue[tail++] = i;
    if (v < ref9) ref9 = v;
  }
  const seedShare = tail / Math.max(1, border.length);
  if (seedShare < MIN_BORDER_SHARE) {
    return { data, skipped: 'no near-white border', borderShare: seedShare, backgroundShare: 0 };
  }
  flood(queue, tail, { w, n, inBg, sum9, neutral, low9: ref9 - 9 * SHADOW_DEPTH });
  fillSpecks(inBg, w, h);
  let count = 0;
  let impure = 0;
  const c = img.channels;
  for (let i = 0, o = 0; i < n; i++, o += c) {
    if (!inBg[i]) continue;
    count++;
    if ((data[o] as number) < 255 || (data[o + 1] as number) < 255 || (data[o + 2] as number) < 255)
      impure++;
  }
  let borderBg = 0;
  for (const i of border) borderBg += inBg[i] as number;
  const shares = { borderShare: borderBg / border.length, backgroundShare: count / n };
  if (impure === 0) return { data, skipped: 'already pure white', ...shares };
  const span = Math.max(0, Math.round(opts.feather)) + 1;
  const dist = distanceToProduct(inBg, w, h, span, queue);
  const out = new Uint8Array(data); // a copy: the source's pixels stay as they are
  // What each smoothed level becomes: a shadow keeps how much darker than the backdrop it
  // is; the rest turns white.
  const targets = new Uint8Array(9 * 255 + 1).fill(255);
  if (opts.keepShadow) {
    for (let v = 0; v < ref9; v++) targets[v] = Math.max(0, 255 - Math.round((ref9 - v) / 9));
  }
  for (let i = 0, o = 0; i < n; i++, o += c) {
    if (!inBg[i]) continue;
    const target = targets[sum9[i] as number] as number;
    const d = dist[i] as number;
    if (d >= span) {
      out[o] = target;
      out[o + 1] = target;
      out[o + 2] = target;
      continue;
    }
    // Next to the product, fade from the source's own colour: its anti-aliasing stays.
    const wt = d / span;
    for (let k = o; k < o + 3; k++) {
      const v = data[k] as number;
      out[k] = Math.round(v + (target - v) * wt);
    }
  }
  return { data: out, skipped: null, ...shares };
}

/**
 * Whether every pixel of an image's border band, `band` pixels deep, is opaque pure white
 * (255, 255, 255; a fourth channel 255). Indexing asks it of the grid thumbnail's band (the
 * one white_bg measures), so export can decide the pass without decoding the source: see
 * render-options.ts' whiteBackgroundFor for why that is safe. Stops at the first other pixel.
 */
export function pureWhiteBand(img: RawImage, band: number): boolean {
  const { width: w, height: h, channels: c, data } = img;
  const white = (x: number, y: number): boolean => {
    const o = (y * w + x) * c;
    for (let k = o; k < o + c; k++) if ((data[k] as number) < 255) return false;
    return true;
  };
  const b = Math.min(band, w, h);
  for (let y = 0; y < h; y++) {
    const edgeRow = y < b || y >= h - b;
    for (let x = 0; x < w; x++) {
      if (!edgeRow && x === b && w - b > b) x = w - b; // skip the inside of the row
      if (!white(x, y)) return false;
    }
  }
  return w > 0 && h > 0;
}

function allPureWhite(img: RawImage, border: Int32Array): boolean {
  const { data, channels: c } = img;
  for (const i of border) {
    const o = i * c;
    if ((data[o] as number) < 255 || (data[o + 1] as number) < 255 || (data[o + 2] as number) < 255)
      return false;
  }
  return true;
}

/** The border's pixel indices, each once: top and bottom rows, then the side columns. */
function borderPixels(w: number, h: number): Int32Array {
  const out: number[] = [];
  for (let x = 0; x < w; x++) {
    out.push(x);
    if (h > 1) out.push((h - 1) * w + x);
  }
  for (let y = 1; y < h - 1; y++) {
    out.push(y * w);
    if (w > 1) out.push(y * w + w - 1);
  }
  return Int32Array.from(out);
}

/**
 * Rec. 601 luminance summed over each pixel's 3 × 3 neighbourhood (edges repeated), so noise
 * does not read as an edge, and whether each pixel is neutral (max − min of its channels).
 */
function lumaAndNeutral(img: RawImage): { sum9: Uint16Array; neutral: Uint8Array } {
  const { width: w, height: h, channels: c, data } = img;
  const n = w * h;
  const l = new Uint8Array(n);
  const neutral = new Uint8Array(n);
  for (let i = 0, o = 0; i < n; i++, o += c) {
    const r = data[o] as number;
    const g = data[o + 1] as number;
    const b = data[o + 2] as number;
    l[i] = (r * 77 + g * 150 + b * 29) >> 8;
    const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
    const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
    neutral[i] = hi - lo <= NEUTRAL ? 1 : 0;
  }
  const rows = new Uint16Array(n);
  for (let y = 0; y < h; y++) {
    const r0 = y * w;
    const last = r0 + w - 1;
    for (let i = r0; i <= last; i++) {
      const a = l[i > r0 ? i - 1 : i] as number;
      const b = l[i < last ? i + 1 : i] as number;
      rows[i] = a + (l[i] as number) + b;
    }
  }
  const sum9 = new Uint16Array(n);
  for (let y = 0; y < h; y++) {
    const up = (y > 0 ? y - 1 : 0) * w;
    const mid = y * w;
    const down = (y < h - 1 ? y + 1 : y) * w;
    for (let x = 0; x < w; x++) {
      sum9[mid + x] =
        (rows[up + x] as number) + (rows[mid + x] as number) + (rows[down + x] as number);
    }
  }
  return { sum9, neutral };
}

interface FloodState {
  w: number;
  n: number;
  inBg: Uint8Array;
  sum9: Uint16Array;
  neutral: Uint8Array;
  /** The darkest a shadow may be (×9). */
  low9: number;
}

/**
 * Breadth-first from the seeds already queued, 4-connected: a neighbour joins when it is
 * neutral, light enough to be backdrop or shadow, and no edge lies between the two.
 */
function flood(queue: Int32Array, seeded: number, s: FloodState): void {
  const { w, n, inBg, sum9, neutral, low9 } = s;
  const step = 9 * EDGE_STEP;
  let tail = seeded;
  const joins = (j: number, v: number): boolean => {
    if (inBg[j] || !neutral[j]) return false;
    const u = sum9[j] as number;
    return u >= low9 && u - v <= step && v - u <= step;
  };
  for (let head = 0; head < tail; head++) {
    const i = queue[head] as number;
    const v = sum9[i] as number;
    const x = i % w;
    if (x > 0 && joins(i - 1, v)) {
      inBg[i - 1] = 1;
      queue[tail++] = i - 1;
    }
    if (x < w - 1 && joins(i + 1, v)) {
      inBg[i + 1] = 1;
      queue[tail++] = i + 1;
    }
    if (i >= w && joins(i - w, v)) {
      inBg[i - w] = 1;
      queue[tail++] = i - w;
    }
    if (i < n - w && joins(i + w, v)) {
      inBg[i + w] = 1;
      queue[tail++] = i + w;
    }
  }
}

/** A lone pixel the flood missed (noise, dust) amid backdrop on four sides is backdrop. */
function fillSpecks(inBg: Uint8Array, w: number, h: number): void {
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      if (!inBg[i] && inBg[i - 1] && inBg[i + 1] && inBg[i - w] && inBg[i + w]) inBg[i] = 1;
    }
  }
}

/**
 * For backdrop pixels, how many steps (8-connected) from the nearest pixel that is not
 * backdrop, capped at `cap` (everything farther reads `cap`): a breadth-first walk out of the
 * backdrop's own edge, so the cost is the feather band's, not the image's.
 */
function distanceToProduct(
  inBg: Uint8Array,
  w: number,
  h: number,
  cap: number,
  queue: Int32Array,
): Uint8Array {
  const n = w * h;
  const d = new Uint8Array(n).fill(Math.min(255, cap));
  let tail = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!inBg[i]) continue;
      if (
        (x > 0 && !inBg[i - 1]) ||
        (x < w - 1 && !inBg[i + 1]) ||
        (y > 0 && !inBg[i - w]) ||
        (y < h - 1 && !inBg[i + w])
      ) {
        d[i] = 1;
        queue[tail++] = i;
      }
    }
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head] as number;
    const next = (d[i] as number) + 1;
    if (next >= cap) continue;
    const x = i % w;
    for (let dy = -1; dy <= 1; dy++) {
      const row = i + dy * w;
      if (row < 0 || row >= n) continue;
      for (let dx = -1; dx <= 1; dx++) {
        if ((dx < 0 && x === 0) || (dx > 0 && x === w - 1)) continue;
        const j = row + dx;
        if (inBg[j] && (d[j] as number) > next) {
          d[j] = next;
          queue[tail++] = j;
        }
      }
    }
  }
  return d;
}
