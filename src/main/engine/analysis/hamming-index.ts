/**
 * 64-bit hashes (two uint32 halves) searchable by Hamming distance without comparing
 * with every one: multi-index hashing. The hash is cut into four 16-bit bands; two hashes
 * at most `radius` apart differ in at least one band by at most ⌊radius / 4⌋ bits
 * (pigeonhole), so a lookup probes, in each band, the buckets of every 16-bit value that
 * close to its own and checks only what it finds there. For radius 10 that is 4 × 137
 * buckets, about a thousand candidates at 100,000 hashes instead of 100,000.
 *
 * Hashes live in typed arrays (8 bytes each plus 4 bucket entries); buckets are plain
 * arrays of slots, kept small by the 65,536 values a band can take, found by direct index.
 */
export class HammingIndex {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private ids = new Float64Array(1024);
  /** Generation stamp per slot: a slot is checked once per lookup. */
  private seen = new Uint32Array(1024);
  private generation = 0;
  private size = 0;
  private readonly freeSlots: number[] = [];
  private readonly slotOf = new Map<number, number>();
  /** Per band, the slots whose band has each of the 65,536 values (direct lookup). */
  private readonly bands: (number[] | undefined)[][] = [0, 1, 2, 3].map(() =>
    new Array<number[] | undefined>(0x10000).fill(undefined),
  );
  private readonly probes: number[];

  constructor(readonly radius: number) {
    if (!Number.isInteger(radius) || radius < 0 || radius > 64)
      throw new RangeError(`radius must be an integer in 0..64, not ${radius}`);
    this.probes = masksUpTo(Math.min(16, Math.floor(radius / 4)));
  }

  get count(): number {
    return this.slotOf.size;
  }

  /** Adds or replaces the hash of `id`. */
  set(id: number, hi: number, lo: number): void {
    this.delete(id);
    const slot = this.freeSlots.pop() ?? this.grow();
    this.hi[slot] = hi >>> 0;
    this.lo[slot] = lo >>> 0;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    const keys = bandsOf(hi, lo);
    for (let b = 0; b < 4; b++) {
      const band = this.bands[b] as (number[] | undefined)[];
      const key = keys[b] as number;
      const bucket = band[key];
      if (bucket) bucket.push(slot);
      else band[key] = [slot];
    }
  }

  delete(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const keys = bandsOf(this.hi[slot] as number, this.lo[slot] as number);
    for (let b = 0; b < 4; b++) {
      const band = this.bands[b] as (number[] | undefined)[];
      const key = keys[b] as number;
      const bucket = band[key];
      if (!bucket) continue;
      const at = bucket.indexOf(slot);
      if (at >= 0) {
        bucket[at] = bucket[bucket.length - 1] as number;
        bucket.pop();
      }
      if (bucket.length === 0) band[key] = undefined;
    }
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * Ids within `radius` of the hash (its own id excepted), in no set order. Stops
   * once more than `limit` are found, returning limit + 1 of them.
   */
  near(hi: number, lo: number, except: number, limit = Infinity): number[] {
    const h = hi >>> 0;
    const l = lo >>> 0;
    const found: number[] = [];
    const stamp = this.nextGeneration();
    const keys = bandsOf(h, l);
    for (let b = 0; b < 4; b++) {
      const band = this.bands[b] as (number[] | undefined)[];
      const key = keys[b] as number;
      for (const mask of this.probes) {
        const bucket = band[key ^ mask];
        if (!bucket) continue;
        for (const slot of bucket) {
          if (this.seen[slot] === stamp) continue;
          this.seen[slot] = stamp;
          const id = this.ids[slot] as number;
          if (id === except) continue;
          const d =
            popcount((this.hi[slot] as number) ^ h) + popcount((this.lo[slot] as number) ^ l);
          if (d <= this.radius) {
            found.push(id);
            if (found.length > limit) return found;
          }
        }
      }
    }
    return found;
  }

  private nextGeneration(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.seen.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  private grow(): number {
    if (this.size === this.hi.length) {
      const capacity = this.hi.length * 2;
      this.hi = resized(this.hi, capacity);
      this.lo = resized(this.lo, capacity);
      this.seen = resized(this.seen, capacity);
      const ids = new Float64Array(capacity);
      ids.set(this.ids);
      this.ids = ids;
    }
    return this.size++;
  }
}

/** The four 16-bit bands of a 64-bit hash. */
function bandsOf(hi: number, lo: number): [number, number, number, number] {
  return [hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff];
}

/** Every 16-bit mask with at most `bits` bits set (the values that close to a band). */
function masksUpTo(bits: number): number[] {
  const masks: number[] = [];
  for (let m = 0; m < 0x10000; m++) if (popcount(m) <= bits) masks.push(m);
  return masks;
}

function resized(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(capacity);
  out.set(array);
  return out;
}

export function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A 16-hex-digit hash as its two 32-bit halves. */
export function splitHash(hex: string): [number, number] {
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0];
}
