// Product file names in a static headless pack: a SKU that is a safe ASCII name is kept; any
// other (path parts, device names, emoji, case twins) gets a sanitised name plus its hash, and
// no two SKUs share a file, whatever the file system's case rule.
import { describe, expect, it } from 'vitest';
import { productFiles } from './headless-names';

describe('product file names', () => {
  it('keeps a safe SKU and hashes the rest, never leaving products/', () => {
    const skus = ['SKU-1', '../x', 'CON', 'a/b', 'a_b', '👕 shirt', '.hidden', 'ABC', 'abc', ' '];
    const files = productFiles(skus);
    expect(files.get('SKU-1')).toBe('products/SKU-1.json');
    expect(files.get('a_b')).toBe('products/a_b.json');
    for (const sku of skus) {
      const file = files.get(sku)!;
      expect(file, sku).toMatch(/^products\/[A-Za-z0-9_][A-Za-z0-9._-]*\.json$/);
      expect(file.slice('products/'.length, -'.json'.length), sku).not.toMatch(
        /^(con|prn|aux|nul|com\d|lpt\d)$/i,
      );
    }
    for (const sku of ['../x', 'CON', 'a/b', '👕 shirt', '.hidden', 'ABC', 'abc'])
      expect(files.get(sku), sku).toMatch(/-[0-9a-f]{8}\.json$/);
    const folded = [...files.values()].map((f) => f.toLowerCase());
    expect(new Set(folded).size).toBe(skus.length);
  });

  it('names a SKU the same on every run', () => {
    expect(productFiles(['../x', 'SKU-1'])).toEqual(productFiles(['../x', 'SKU-1']));
  });
});
