// @vitest-environment jsdom
import { rgbaToThumbHash } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { placeholderUrl } from './placeholder-url';

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
