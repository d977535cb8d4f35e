// The list index combines and counts its sets four ids a step: the same as byte by byte,
// whatever the length (the tail past the last whole word included).
import { describe, expect, it } from 'vitest';
import { combine, ones } from './list-index-bits';

let seed = 11;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
const set = (n: number) => Uint8Array.from({ length: n }, () => (random() % 3 === 0 ? 1 : 0));

describe('list index sets', () => {
  it('AND, OR and count as byte by byte does', () => {
    for (const n of [0, 1, 3, 4, 5, 7, 8, 9, 1001, 4096]) {
      const a = set(n);
      const b = set(n);
      for (const every of [true, false]) {
        const out = a.slice();
        combine(out, b, every);
        expect([...out]).toEqual([...a].map((x, i) => (every ? x & b[i]! : x | b[i]!)));
      }
      expect(ones(a)).toBe([...a].reduce((s, x) => s + x, 0));
    }
    expect(ones(new Uint8Array(8).fill(1))).toBe(8);
  });
});
