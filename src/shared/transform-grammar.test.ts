import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTransform,
  normaliseTransform,
  parseRenditionPath,
  parseTransform,
  pickFormat,
  type Transform,
} from './transform-grammar';

const parse = (text: string): Transform => {
  const r = parseTransform(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const error = (text: string): string => {
  const r = parseRenditionPath(text);
  return r.ok ? 'parsed' : r.message;
};
const canonical = (rest: string): string => {
  const r = parseRenditionPath(rest);
  if (!r.ok) throw new Error(r.message);
  return r.value.canonical;
};

describe('transform grammar', () => {
  it('parses every key', () => {
    expect(parse('w_800,h_600,c_fill,g_focal,b_00ff80,q_70,f_webp,p_amazon-main')).toEqual({
      width: 800,
      height: 600,
      crop: 'fill',
      gravity: 'focal',
      background: '#00ff80',
      quality: 70,
      format: 'webp',
      preset: 'amazon-main',
    });
  });

  it('normalises equivalent transforms to one text', () => {
    const a = canonical('7/h_0600,w_800,c_fit,b_white,q_80,g_focal.webp');
    expect(a).toBe('w_800,h_600,f_webp');
    expect(canonical('7/w_800,h_600,f_webp.webp')).toBe(a);
    expect(canonical('7/c_fill,g_auto,w_10.jpg')).toBe('w_10,c_fill,f_jpeg');
    expect(canonical('7/c_fill,g_center,w_10.jpg')).toBe('w_10,c_fill,g_center,f_jpeg');
    expect(canonical('7/w_10,b_000000,f_auto.png')).toBe('w_10,b_black,f_auto');
    // A preset's own values are unknown here: given ones override it, so they stay.
    expect(canonical('7/p_shopify,c_fit,q_80.jpg')).toBe('p_shopify,c_fit,q_80,f_jpeg');
  });

  it('refuses odd and hostile input with a reason', () => {
    expect(error('7/w_800,w_900.jpg')).toMatch(/given twice/);
    expect(error('7/z_1.jpg')).toMatch(/unknown key "z_"/);
    expect(error('7/w_0.jpg')).toMatch(/width "w_0" is not a whole number 1–8192/);
    expect(error('7/w_8193.jpg')).toMatch(/1–8192/);
    expect(error('7/q_101.jpg')).toMatch(/1–100/);
    expect(error('7/w_1e3.jpg')).toMatch(/whole number/);
    expect(error('7/c_scale.jpg')).toMatch(/crop "c_scale" is not fill, fit, pad/);
    expect(error('7/b_red.jpg')).toMatch(/white, black, transparent or 6 hex digits/);
    expect(error('7/f_webp.jpg')).toMatch(/extension \.jpg disagrees with f_webp/);
    expect(error('7/w_800.gif')).toMatch(/not one of/);
    expect(error(`7/${'w_1,'.repeat(100)}w_2.jpg`)).toMatch(/too long|longer than/);
    expect(error('7/w_800%2C.jpg')).toMatch(/lower-case letters/);
    expect(error('7/W_800.jpg')).toMatch(/lower-case letters/);
    expect(error('../etc/passwd')).toMatch(/\{assetId\}\/\{transform\}\.\{ext\}/);
    expect(error('0/w_1.jpg')).toMatch(/not an asset id/);
    expect(error('7/w_800,.jpg')).toMatch(/not key_value/);
    expect(error('7/p_-x.jpg')).toMatch(/not a preset id/);
    expect(error('7/w_800.webp')).toBe('parsed');
    expect(error('7/w_800,f_auto.jpg')).toBe('parsed');
  });

  it('picks AVIF, then WebP, then JPEG from Accept', () => {
    expect(pickFormat('image/avif,image/webp,image/apng,*/*;q=0.8')).toBe('avif');
    expect(pickFormat('image/webp,*/*')).toBe('webp');
    expect(pickFormat('image/avif;q=0, image/webp;q=0.5')).toBe('webp');
    expect(pickFormat('*/*')).toBe('jpeg');
    expect(pickFormat(undefined)).toBe('jpeg');
  });

  it('parse(format(parse(x))) is stable', () => {
    const key = fc.oneof(
      fc.integer({ min: 1, max: 8192 }).map((n) => `w_${n}`),
      fc.integer({ min: 1, max: 8192 }).map((n) => `h_${n}`),
      fc.constantFrom('c_fill', 'c_fit', 'c_pad', 'g_auto', 'g_focal', 'g_center'),
      fc.constantFrom('b_white', 'b_black', 'b_transparent', 'b_ffffff', 'b_0a0b0c'),
      fc.integer({ min: 1, max: 100 }).map((n) => `q_${n}`),
      fc.constantFrom('f_auto', 'f_jpeg', 'f_webp', 'f_avif', 'f_png', 'p_amazon-main'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(key, { selector: (s) => s[0], minLength: 1 }), (parts) => {
        // A rendition path always has a format (f_ or the extension's).
        const all = parts.some((p) => p.startsWith('f_')) ? parts : [...parts, 'f_webp'];
        const once = normaliseTransform(parse(all.join(',')));
        const text = formatTransform(once);
        expect(normaliseTransform(parse(text))).toEqual(once);
        expect(formatTransform(normaliseTransform(parse(text)))).toBe(text);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseRenditionPath(s);
        if (r.ok) expect(r.value.canonical.length).toBeGreaterThan(0);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
