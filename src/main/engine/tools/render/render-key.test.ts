// The render key's one-walk canonical JSON writes exactly what the former copy-then-stringify
// wrote, so keys already in manifests stay the same (a changed key re-renders every pack).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, renderKey, renderOptions } from './render-options';
import { createHash } from 'node:crypto';

/** The former canonical form: sorted copies, then JSON.stringify. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('writes what sorting into copies and stringifying wrote, for any JSON-like value', () => {
    const leaf = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(fc.string(), tie('tree'), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a real rendition key as it was', () => {
    const options = renderOptions(
      {
        key: 'main',
        width: 2000,
        height: 2000,
        fit: 'contain',
        crop: 'attention',
        withoutEnlargement: true,
        trim: true,
        trimThreshold: 10,
        productFill: 0.85,
        background: '#ffffff',
        format: 'jpeg',
        quality: 90,
        minQuality: 60,
        maxBytes: 10_000_000,
        progressive: true,
      },
      'copyright',
      null,
      { x: 0.25, y: 0.75 },
      [],
    );
    const former = createHash('sha256')
      .update(JSON.stringify([1, 'abc', sorted(options)]))
      .digest('hex')
      .slice(0, 32);
    expect(renderKey('abc', options)).toBe(former);
  });

  it("gives the same key through the memo, whatever the keys' order and however often asked", () => {
    const leaf = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
    const options = fc.dictionary(
      fc.constantFrom('width', 'height', 'fit', 'quality', 'focus', 'licence', 'format'),
      fc.oneof(leaf, fc.dictionary(fc.constantFrom('x', 'y', 'holder'), leaf, { maxKeys: 3 })),
      { maxKeys: 7 },
    );
    fc.assert(
      fc.property(options, fc.string(), (value, hash) => {
        const former = createHash('sha256')
          .update(JSON.stringify([1, hash, sorted(value)]))
          .digest('hex')
          .slice(0, 32);
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        type Options = Parameters<typeof renderKey>[1];
        expect(renderKey(hash, value as unknown as Options)).toBe(former);
        expect(renderKey(hash, value as unknown as Options)).toBe(former); // from the memo
        expect(renderKey(hash, reversed as unknown as Options)).toBe(former);
      }),
      { numRuns: 500 },
    );
  });
});
