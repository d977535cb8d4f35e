// Dominant colours: a 4-bit-per-channel histogram in flat typed arrays (no allocation per
// pixel), read back most common first, ties in the order the bins were first met.

export interface DominantColor {
  hex: string;
  name: string;
  share: number;
}

const BINS = 4096;
const TOP = 5;
const MIN_SHARE = 0.02;

export class ColorHistogram {
  private readonly counts = new Uint32Array(BINS);
  /** Channel sums per bin; doubles so no image size can overflow them. */
  private readonly sums = new Float64Array(BINS * 3);
  /** Bins in the order they were first met: equal counts rank in that order. */
  private readonly order = new Uint16Array(BINS);
  private used = 0;
  private counted = 0;

  add(r: number, g: number, b: number): void {
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const n = this.counts[key] ?? 0;
    if (n === 0) this.order[this.used++] = key;
    this.counts[key] = n + 1;
    const s = key * 3;
    this.sums[s] = (this.sums[s] ?? 0) + r;
    this.sums[s + 1] = (this.sums[s + 1] ?? 0) + g;
    this.sums[s + 2] = (this.sums[s + 2] ?? 0) + b;
    this.counted++;
  }

  /** Up to five colours, most common first, each at least 2 % of the counted pixels. */
  top(): DominantColor[] {
    const best: number[] = []; // bin keys, most common first
    for (let i = 0; i < this.used; i++) {
      const key = this.order[i] ?? 0;
      const n = this.counts[key] ?? 0;
      // Strictly more than the ones kept: an earlier bin wins a tie, as a stable sort would.
      let at = best.length;
      while (at > 0 && (this.counts[best[at - 1] ?? 0] ?? 0) < n) at--;
      if (at < TOP) {
        best.splice(at, 0, key);
        if (best.length > TOP) best.pop();
      }
    }
    return best.map((key) => this.color(key)).filter((c) => c.share >= MIN_SHARE);
  }

  private color(key: number): DominantColor {
    const n = this.counts[key] ?? 1;
    const [r, g, b] = [0, 1, 2].map((c) => Math.round((this.sums[key * 3 + c] ?? 0) / n)) as [
      number,
      number,
      number,
    ];
    const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    return { hex, name: colorName(r, g, b), share: round(n / Math.max(1, this.counted)) };
  }
}

/** A small named palette people search by: color:white, color:red … */
const PALETTE: [string, number, number, number][] = [
  ['white', 245, 245, 245],
  ['black', 20, 20, 20],
  ['grey', 128, 128, 128],
  ['red', 200, 30, 40],
  ['orange', 240, 140, 30],
  ['yellow', 240, 220, 50],
  ['green', 50, 160, 60],
  ['blue', 40, 90, 200],
  ['purple', 130, 60, 170],
  ['pink', 240, 150, 180],
  ['brown', 120, 75, 40],
  ['beige', 220, 200, 160],
];

export function colorName(r: number, g: number, b: number): string {
  let best = 'grey';
  let bestDistance = Infinity;
  for (const [name, pr, pg, pb] of PALETTE) {
    const d = (r - pr) ** 2 * 0.3 + (g - pg) ** 2 * 0.59 + (b - pb) ** 2 * 0.11;
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best;
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
