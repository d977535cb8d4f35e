// @vitest-environment jsdom
import fc from 'fast-check';
import { rgbaToThumbHash } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { placeholderAverage, placeholderUrl } from './placeholder-url';

/** A real ThumbHash of a 16×8 red-to-blue gradient, base64 as the engine stores it. */
function gradientHash(): string {
  const w = 16;
  const h = 8;
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    rgba.set([255 - x * 16, 40, x * 16, 255], i * 4);
  }
  return btoa(String.fromCharCode(...rgbaToThumbHash(w, h, rgba)));
}

describe('placeholderUrl', () => {
  it('decodes a ThumbHash into a PNG data URL (allowed by the CSP), the same one each time', () => {
    const hash = gradientHash();
    const url = placeholderUrl(hash);
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(placeholderUrl(hash)).toBe(url);
  });

  it('gives null for no placeholder or a broken one, instead of throwing', () => {
    expect(placeholderUrl(null)).toBeNull();
    expect(placeholderUrl('')).toBeNull();
    expect(placeholderUrl('%%% not base64')).toBeNull();
    expect(placeholderUrl('AAA=')).toBeNull();
  });
});

describe('placeholderAverage', () => {
  const RGB = /^rgb\((\d{1,3}), (\d{1,3}), (\d{1,3})\)$/;

  it("reads a real hash's colour: the gradient's red and blue halves average to a purple", () => {
    const [, r, g, b] = RGB.exec(placeholderAverage(gradientHash()) ?? '') ?? [];
    expect(Number(r)).toBeGreaterThan(80);
    expect(Number(b)).toBeGreaterThan(80);
    expect(Number(g)).toBeLessThan(Number(r));
  });

  it('gives null or a CSS colour for any string: empty, short, truncated, garbage', () => {
    const hash = gradientHash();
    for (const bad of [
      '',
      'A',
      'AAA=',
      '%%%',
      '\0',
      'undefined',
      hash.slice(0, 6),
      hash.slice(0, 5),
    ])
      expect([bad, placeholderAverage(bad)]).toEqual([bad, null]);
    const colourOrNull = (value: string): void => {
      const average = placeholderAverage(value);
      if (average !== null) {
        const parts = RGB.exec(average);
        expect(parts).not.toBeNull();
        for (const n of parts!.slice(1)) expect(Number(n)).toBeLessThanOrEqual(255);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 60 }), colourOrNull));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) =>
        colourOrNull(btoa(String.fromCharCode(...bytes))),
      ),
    );
  });
});
