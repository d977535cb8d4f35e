import { describe, expect, it } from 'vitest';
import { makeProduct } from '../../test-support/fake-products';
import {
  EMPTY_FORM,
  formValuesOf,
  parseAttributes,
  parseChannels,
  productArgs,
} from './product-form-values';

describe('product form values', () => {
  it('reads attributes as one "name: value" per line, values may hold colons', () => {
    expect(parseAttributes('color: red\n\n  size : 42 \nurl: http://x.test/a')).toEqual({
      ok: true,
      attributes: { color: 'red', size: '42', url: 'http://x.test/a' },
    });
    expect(parseAttributes('color red')).toEqual({
      ok: false,
      error: 'Attribute line 1: write it as "name: value".',
    });
    expect(parseAttributes('ok: 1\n: nameless')).toMatchObject({ ok: false });
  });

  it('keeps attributes named like Object.prototype members as plain own attributes', () => {
    const parsed = parseAttributes('__proto__: polluted\nconstructor: c\ntoString: t');
    if (!parsed.ok) throw new Error(parsed.error);
    const { attributes } = parsed;
    // Assigned with `=` on {}, __proto__ set the prototype and the attribute was lost.
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('polluted');
    expect(attributes.constructor).toBe('c');
    // It survives the bridge's JSON as an attribute, not as a prototype.
    const sent = JSON.parse(JSON.stringify(attributes)) as Record<string, string>;
    expect(Object.keys(sent)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('reads channels separated by commas, semicolons, bars or spaces, once each', () => {
    expect(parseChannels(' shopify, amazon;bol |shopify ')).toEqual(['shopify', 'amazon', 'bol']);
    expect(parseChannels('')).toEqual([]);
  });

  it('needs a SKU, and turns empty optional fields into null', () => {
    expect(productArgs(EMPTY_FORM)).toEqual({ ok: false, error: 'A product needs a SKU.' });
    expect(productArgs({ ...EMPTY_FORM, sku: ' A-1 ' })).toEqual({
      ok: true,
      args: {
        sku: 'A-1',
        name: '',
        parentSku: null,
        productType: null,
        channels: [],
        attributes: {},
      },
    });
  });

  it('round-trips a product through the form', () => {
    const product = makeProduct(1, {
      sku: 'SHOE-1',
      name: 'Sneaker',
      parentSku: 'SHOE',
      productType: 'apparel',
      channels: ['shopify', 'amazon'],
      attributes: { color: 'red', size: '42' },
    });
    const made = productArgs(formValuesOf(product));
    expect(made).toEqual({
      ok: true,
      args: {
        sku: 'SHOE-1',
        name: 'Sneaker',
        parentSku: 'SHOE',
        productType: 'apparel',
        channels: ['shopify', 'amazon'],
        attributes: { color: 'red', size: '42' },
      },
    });
  });
});
