// The spliced sRGB profile gives the same bytes as libvips' transform to it, on every
// 8-bit sRGB value and on whole renditions under each metadata policy.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MetadataPolicy, Rendition } from '../../../../shared/export-dto';
import { productShot } from '../../../test-support/product-shots';
import { readRights } from './color';
import type { LicenceMeta } from './licence-xmp';
import { renderOptions } from './render-options';
import { prepareSource, renderRendition } from './render-rendition';

const base: Rendition = {
  key: '',
  width: 600,
  height: 600,
  fit: 'contain',
  crop: 'attention',
  withoutEnlargement: true,
  trim: false,
  trimThreshold: 12,
  productFill: null,
  background: '#ffffff',
  format: 'jpeg',
  quality: 85,
  progressive: true,
  maxBytes: null,
  minQuality: 40,
};

describe('the spliced sRGB profile', () => {
  it('stands for a transform that is the identity on all 2^24 8-bit sRGB colours', async () => {
    const side = 4096;
    const all = Buffer.alloc(side * side * 3);
    for (let i = 0; i < side * side; i++) all.writeUIntBE(i, i * 3, 3);
    const raw = { width: side, height: side, channels: 3 as const };
    const out = await sharp(all, { raw, limitInputPixels: false })
      .toColourspace('srgb')
      .withIccProfile('srgb')
      .raw()
      .toBuffer();
    expect(out.equals(all)).toBe(true);
  });

  it('gives the bytes withIccProfile gives, for every policy, trim and quality search', async () => {
    const plain = (await productShot('white', 1, { width: 900, height: 700 })).data;
    const tagged = await sharp(plain)
      .withIccProfile('p3')
      .withExif({ IFD0: { Copyright: 'ACME Ltd', Artist: 'Jo Maker', Make: 'Cam' } })
      .withXmp(
        `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>t</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`,
      )
      .jpeg()
      .toBuffer();
    const licence: LicenceMeta = {
      usageTerms: 'Stock 42 (stock)',
      webStatement: 'https://example.com/licence',
      licensors: ['Photo Agency'],
      licenseId: 'L-42',
      credit: 'Photo: Agency',
      creditRequired: true,
      endsOn: null,
    };
    const cases: { policy: MetadataPolicy; r: Partial<Rendition> }[] = [
      { policy: 'strip', r: {} },
      { policy: 'copyright', r: { trim: true, productFill: 0.85 } },
      { policy: 'all', r: { fit: 'inside' } },
      { policy: 'copyright', r: { maxBytes: 20_000 } },
    ];
    let spliced = 0;
    for (const input of [plain, tagged]) {
      const source = await prepareSource(input, await readRights(input));
      for (const { policy, r } of cases) {
        const options = renderOptions({ ...base, ...r }, policy, null, null, []);
        options.licence = licence;
        const fast = await renderRendition(source, options);
        const reference = await renderRendition({ ...source, srgb8: false }, options);
        expect(source.srgb8).toBe(true);
        expect(fast.data.equals(reference.data)).toBe(true);
        expect(fast.quality).toBe(reference.quality);
        spliced++;
      }
    }
    expect(spliced).toBe(8);
  });
});
