// The licence XMP in every output format sharp writes, read back by exiftool; several
// licences merge (names joined, earliest end date), and XML-special text round-trips.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ExifTool, type Tags } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFormat, Rendition } from '../../../../shared/export-dto';
import type { Licence } from '../../../../shared/rights-dto';
import { tempDir } from '../../../test-support/sample-images';
import { licenceMeta, withLicenceXmp, writesLicence } from './licence-xmp';
import { renderOptions } from './render-options';
import { prepareSource, renderRendition } from './render-rendition';
import { aLicence } from '../../../test-support/licence-fixture';

const licence = (over: Partial<Licence>): Licence => aLicence({ name: 'x', ...over });

const base: Rendition = {
  key: '',
  width: 64,
  height: 64,
  fit: 'inside',
  crop: 'attention',
  withoutEnlargement: true,
  trim: false,
  trimThreshold: 12,
  productFill: null,
  background: '#ffffff',
  format: 'jpeg',
  quality: 80,
  progressive: false,
  maxBytes: null,
  minQuality: 40,
};

let exiftool: ExifTool;
let dir: string;
beforeAll(async () => {
  exiftool = new ExifTool({ maxProcs: 1 });
  dir = await tempDir('licence-xmp');
});
afterAll(async () => {
  await exiftool.end();
  await rm(dir, { recursive: true, force: true });
});

const meta = licenceMeta([
  licence({ id: 9, name: 'Later', type: 'royalty-free', endsOn: '2040-01-01' }),
  licence({
    id: 3,
    name: `A <b>&amp; "quoted" 'one'`,
    licensor: 'Q&A <Ltd>',
    creditLine: 'Photo © Q&A',
    creditRequired: true,
    ccVariant: 'CC-BY-4.0',
    endsOn: '2035-05-05',
  }),
]);

describe('licence XMP', () => {
  it('merges several licences: names in id order, earliest end date, credit required', () => {
    expect(meta).toMatchObject({
      usageTerms: `A <b>&amp; "quoted" 'one' (CC-BY-4.0); Later (royalty-free)`,
      licensors: ['Q&A <Ltd>'],
      licenseId: 'packshot:licence:3; packshot:licence:9',
      endsOn: '2035-05-05',
      creditRequired: true,
      webStatement: null,
    });
    expect(licenceMeta([])).toBeNull();
    // Only where it is written is it part of the render key.
    const free = { ...meta!, creditRequired: false };
    expect([writesLicence('copyright', free), writesLicence('strip', free)]).toEqual([true, false]);
    expect([writesLicence('strip', meta!), writesLicence('all', meta!)]).toEqual([true, true]);
  });

  it.each<OutputFormat>(['jpeg', 'png', 'webp', 'avif'])(
    "is written to %s under 'strip' when credit is required",
    async (format) => {
      const input = await sharp({
        create: { width: 80, height: 80, channels: 3, background: '#888' },
      })
        .jpeg()
        .toBuffer();
      const options = renderOptions({ ...base, format }, 'strip', null, null, []);
      options.licence = meta!;
      const out = await renderRendition(await prepareSource(input, null), options);
      const file = join(dir, `out.${format}`);
      await writeFile(file, out.data);
      const t = await exiftool.read<Tags & Record<string, unknown>>(file);
      expect(t.UsageTerms).toBe(meta!.usageTerms);
      expect(t.Licensor).toEqual([{ LicensorName: 'Q&A <Ltd>' }]);
      expect(t.Credit).toBe('Photo © Q&A');
      expect(t.Rights).toBe('Photo © Q&A');
      expect(t.LicenseEndDate).toMatchObject({ year: 2035, month: 5, day: 5 });
    },
  );

  it("'strip' writes no licence when no credit is required", async () => {
    const input = await sharp({
      create: { width: 40, height: 40, channels: 3, background: '#888' },
    })
      .jpeg()
      .toBuffer();
    const options = renderOptions(base, 'strip', null, null, []);
    options.licence = { ...meta!, creditRequired: false };
    const out = await renderRendition(await prepareSource(input, null), options);
    expect((await sharp(out.data).metadata()).xmp).toBeUndefined();
  });

  it("'all' replaces the source's own values of the licence's properties, and keeps the rest", () => {
    const meta = licenceMeta([licence({ id: 3, name: 'Shoot', reference: 'R-1' })])!;
    const source = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/" plus:LicenseID="OLD-ID"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Front</rdf:li></rdf:Alt></dc:title>
<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">Old terms</rdf:li></rdf:Alt></xmpRights:UsageTerms>
</rdf:Description></rdf:RDF></x:xmpmeta>`;
    const out = withLicenceXmp(source, meta);
    expect(out).not.toMatch(/OLD-ID|Old terms/);
    expect(out).toContain('Front');
    expect(out).toContain('<plus:LicenseID>R-1</plus:LicenseID>');
    expect(out.match(/<rdf:Description/g)).toHaveLength(2);
    // No source XMP: a packet of the licence alone.
    expect(withLicenceXmp(null, meta)).toContain('Shoot (owned)');
  });
});
