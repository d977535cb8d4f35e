import { describe, expect, it } from 'vitest';
import { HammingIndex, popcount, splitHash } from './hamming-index';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Flips `bits` distinct random bits of a 64-bit hash. */
function flip(next: () => number, hi: number, lo: number, bits: number): [number, number] {
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(next() % 64);
  let h = hi;
  let l = lo;
  for (const bit of chosen) {
    if (bit < 32) h = (h ^ (1 << bit)) >>> 0;
    else l = (l ^ (1 << (bit - 32))) >>> 0;
  }
  return [h, l];
}

function bruteForce(
  all: Map<number, [number, number]>,
  hi: number,
  lo: number,
  except: number,
  radius: number,
): number[] {
  const out: number[] = [];
  for (const [id, [h, l]] of all) {
    if (id !== except && popcount(h ^ hi) + popcount(l ^ lo) <= radius) out.push(id);
  }
  return out.sort((a, b) => a - b);
}

describe('HammingIndex', () => {
  it('finds exactly what a linear scan finds, for every radius up to 12', () => {
    const next = random(7);
    for (const radius of [0, 1, 3, 4, 7, 10, 12]) {
      const index = new HammingIndex(radius);
      const all = new Map<number, [number, number]>();
      // Clusters around a few centres (bursts) among unrelated hashes, at every distance.
      const centres = Array.from({ length: 20 }, () => [next(), next()] as [number, number]);
      for (let id = 1; id <= 3000; id++) {
        const centre = centres[id % centres.length] as [number, number];
        const hash: [number, number] =
          id % 3 === 0 ? [next(), next()] : flip(next, centre[0], centre[1], next() % 16);
        index.set(id, hash[0], hash[1]);
        all.set(id, hash);
      }
      for (let q = 0; q < 200; q++) {
        const centre = centres[q % centres.length] as [number, number];
        const [hi, lo] = flip(next, centre[0], centre[1], q % 14);
        const found = index.near(hi, lo, -1).sort((a, b) => a - b);
        expect(found, `radius ${radius}, query ${q}`).toEqual(bruteForce(all, hi, lo, -1, radius));
      }
    }
  });

  it('replaces and deletes hashes, and leaves out the asking id', () => {
    const index = new HammingIndex(10);
    index.set(1, 0xffff0000, 0x0000ffff);
    index.set(2, 0xffff0001, 0x0000ffff);
    expect(index.near(0xffff0000, 0x0000ffff, 1)).toEqual([2]);
    index.set(2, 0x00000000, 0xffffffff); // re-indexed with other content
    expect(index.near(0xffff0000, 0x0000ffff, 1)).toEqual([]);
    expect(index.near(0x00000000, 0xffffffff, -1)).toEqual([2]);
    expect(index.delete(2)).toBe(true);
    expect(index.delete(2)).toBe(false);
    expect(index.near(0x00000000, 0xffffffff, -1)).toEqual([]);
    expect(index.count).toBe(1);
  });

  it('stops at the limit, returning one more than it', () => {
    const index = new HammingIndex(10);
    for (let id = 1; id <= 100; id++) index.set(id, 0x12345678, 0x9abcdef0);
    expect(index.near(0x12345678, 0x9abcdef0, 1, 64)).toHaveLength(65);
  });

  it('grows past its first capacity and reuses freed slots', () => {
    const index = new HammingIndex(3);
    const next = random(11);
    const hashes = new Map<number, [number, number]>();
    for (let id = 0; id < 5000; id++) {
      const hash: [number, number] = [next(), next()];
      hashes.set(id, hash);
      index.set(id, hash[0], hash[1]);
    }
    for (let id = 0; id < 5000; id += 2) index.delete(id);
    for (const [id, [hi, lo]] of hashes) {
      const found = index.near(hi, lo, -1);
      expect(found.includes(id)).toBe(id % 2 === 1);
    }
  });

  it('splits a hex pHash into its two halves', () => {
    expect(splitHash('ffffffff00000001')).toEqual([0xffffffff, 1]);
  });
});
