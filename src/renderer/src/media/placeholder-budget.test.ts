// @vitest-environment jsdom
import { rgbaToThumbHash } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { createPlaceholderBudget } from './placeholder-budget';
import { cachedPlaceholderUrl, placeholderUrl } from './placeholder-url';

/** A real ThumbHash (base64) of a flat 8×8 image of grey level `v`: distinct per value. */
function flatHash(v: number): string {
  const rgba = new Uint8Array(8 * 8 * 4);
  for (let i = 0; i < 64; i++) rgba.set([v, 255 - v, (v * 7) % 256, 255], i * 4);
  return btoa(String.fromCharCode(...rgbaToThumbHash(8, 8, rgba)));
}

describe('placeholder budget', () => {
  it('decodes what fits in a frame now, the rest in later slices, and never one no cell waits for', async () => {
    // A clock that only moves when a decode costs 1 ms, or when the test moves it.
    let t = 1_000;
    const budget = createPlaceholderBudget({
      budgetMs: 3,
      windowMs: 16,
      clock: () => t,
      decode: (p) => {
        t += 1;
        return placeholderUrl(p);
      },
    });
    const hashes = Array.from(new Set(Array.from({ length: 30 }, (_, i) => flatHash(i * 8))));
    const now = hashes.slice(0, 6).map((h) => budget.now(h));
    expect(now.slice(0, 3).every((url) => url?.startsWith('data:image/png;base64,'))).toBe(true);
    expect(now.slice(3)).toEqual([undefined, undefined, undefined]);
    expect(cachedPlaceholderUrl(hashes[4] ?? '')).toBeUndefined();

    const ready: string[] = [];
    for (const h of hashes.slice(3, 5)) budget.whenDecoded(h, () => ready.push(h));
    const gone = hashes[5] ?? '';
    const unsubscribe = budget.whenDecoded(gone, () => ready.push(gone));
    unsubscribe(); // its cell scrolled away
    t += 16;
    await new Promise((resolve) => setTimeout(resolve, 40)); // the slice waits out the window
    expect(ready).toEqual(hashes.slice(3, 5));
    expect(budget.now(hashes[4] ?? '')).toBe(cachedPlaceholderUrl(hashes[4] ?? ''));
    expect(cachedPlaceholderUrl(gone)).toBeUndefined();
    expect(budget.now(null)).toBeNull();
  });
});
