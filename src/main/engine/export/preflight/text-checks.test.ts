// The text-in-image check against the built-in presets' channels: what each finds in a
// main image OCR read words in, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import type { MediaRole } from '../../../../shared/product-dto';
import { builtInPreset, packImage } from '../../../test-support/pack-image';
import type { PackImage, PackProduct } from '../pack-source';
import { defaultChecks } from './checks';
import { TEXT_CHECK, textInImage } from './text-checks';

const preset = builtInPreset;
const image = (ocrText: string | null | undefined, role: MediaRole = 'main'): PackImage =>
  packImage({
    role,
    whiteBg: 1,
    fill: 0.9,
    sharpness: 500,
    ...(ocrText === undefined ? {} : { ocrText }),
  });
const product: PackProduct = {
  id: 1,
  sku: 'ACME-1042-BLK',
  name: 'Trail Kettle',
  parentSku: null,
  attributes: { Brand: 'Acme' },
  channels: [],
  images: [],
};
const check = (presetId: string, text: string | null | undefined, role: MediaRole = 'main') =>
  textInImage({ preset: preset(presetId), product, image: image(text, role), renditions: [] });

describe('text in a main image', () => {
  it('fails any text on Amazon’s and bol.com’s main image, naming the words read', () => {
    expect(check('amazon-main', 'SALE 50% OFF')).toEqual({
      check: TEXT_CHECK,
      level: 'fail',
      reason:
        'promotional text in the image: “SALE 50% OFF”; Amazon allows no text, logos or watermarks on the main image',
    });
    expect(check('bol', 'Made for the\nmountains')).toEqual({
      check: TEXT_CHECK,
      level: 'fail',
      reason:
        'text in the image: “Made for the mountains”; bol.com allows no text or logos on the main image',
    });
  });

  it('warns, not fails, when every word is the product’s own brand or name', () => {
    expect(check('amazon-main', 'ACME\nTrail kettle')).toMatchObject({
      level: 'warn',
      reason: expect.stringMatching(
        /^text in the image: “ACME Trail kettle”, the product’s own/,
      ) as unknown,
    });
    expect(check('google', 'ACME')).toBeNull(); // Google and eBay forbid added text only
  });

  it('fails promotional text and watermarks on Google and eBay, warns other text', () => {
    expect(check('google', 'FREE SHIPPING')?.level).toBe('fail');
    expect(check('ebay', '© studio 2026')).toMatchObject({
      level: 'fail',
      reason: 'a watermark in the image: “© studio 2026”; eBay refuses added text and watermarks',
    });
    expect(check('ebay', 'www.example-shop.de')?.level).toBe('fail');
    expect(check('google', 'Stainless steel')).toEqual({
      check: TEXT_CHECK,
      level: 'warn',
      reason:
        'text in the image: “Stainless steel”; Google Merchant Center refuses promotional text and watermarks: fine when printed on the product',
    });
  });

  it('says nothing when not read yet, when no text was read, off the main role or elsewhere', () => {
    expect(check('amazon-main', undefined)).toBeNull();
    expect(check('amazon-main', null)).toBeNull();
    expect(check('amazon-main', '')).toBeNull();
    expect(check('google', 'SALE', 'gallery')).toBeNull();
    expect(check('shopify', 'SALE 50% OFF')).toBeNull();
    expect(check('etsy', 'SALE 50% OFF')).toBeNull();
  });

  it('takes a product’s first image as its main when none is linked as main', () => {
    const first = image('SALE', 'gallery');
    const second = { ...image('SALE', 'gallery'), assetId: 2 };
    const withImages = (images: PackImage[]): PackProduct => ({ ...product, images });
    const run = (img: PackImage, images: PackImage[]) =>
      textInImage({
        preset: preset('google'),
        product: withImages(images),
        image: img,
        renditions: [],
      });
    expect(run(first, [first, second])?.level).toBe('fail');
    expect(run(second, [first, second])).toBeNull();
    const main = { ...image(null), assetId: 3 };
    expect(run(first, [main, first, second])).toBeNull();
  });

  it('quotes at most 80 characters', () => {
    const reason = check('amazon-main', 'word '.repeat(100))?.reason ?? '';
    expect(reason).toMatch(/^text in the image: “(word ){15}word…”;/);
  });

  it('is one of the default checks', () => {
    const found = defaultChecks().runImage({
      preset: preset('amazon-main'),
      product,
      image: image('SALE 50% OFF'),
      renditions: [],
    });
    expect(found.filter((f) => f.check === TEXT_CHECK)).toHaveLength(1);
  });
});
