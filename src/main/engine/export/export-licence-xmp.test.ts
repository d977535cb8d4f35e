// Rights travel with the file: an exported rendition carries its asset's licences in XMP
// (read back by exiftool), 'strip' keeps copyright and credit when a licence requires credit
// (and drops camera and GPS), 'all' keeps the source's EXIF and XMP and adds the licence (the
// file's own stale terms replaced), and a changed licence re-renders while an unchanged one
// does not.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool, type Tags } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';

let h: Harness;
let exiftool: ExifTool;
let catalog: string;
let out: string;
let shoot = 0;

type Read = Tags & Record<string, unknown>;
const NAME = 'Shoot <&"> 2026';
const jpeg = () => join(out, 'tiny', 'SKU1', 'SKU1-1.jpg');
const webp = () => join(out, 'bare', 'SKU1', 'SKU1-1.webp');
const read = async (file: string): Promise<Read> => exiftool.read<Read>(file);
const exportAll = async () => {
  const job = await h.call('exports.start', { channels: ['tiny', 'bare'], out });
  return h.call('exports.wait', { jobId: job.jobId });
};
const shootTerms = (creditLine: string) => ({
  name: NAME,
  licensor: 'Studio & Co',
  type: 'rights-managed' as const,
  reference: 'https://lic.example/42?a=1&b=2',
  creditLine,
  creditRequired: true,
  endsOn: '2031-06-30',
});

beforeAll(async () => {
  exiftool = new ExifTool({ maxProcs: 1 });
  h = await startHarness();
  catalog = await tempDir('licence-xmp-src');
  out = await tempDir('licence-xmp-out');
  const src = join(catalog, 'bag.jpg');
  await writeFile(src, await makeImage(400, 400, 'jpeg', 3));
  // Camera and place: what 'strip' must drop.
  await exiftool.write(
    src,
    {
      Make: 'Canon',
      Model: 'EOS R5',
      GPSLatitude: 52.37,
      GPSLatitudeRef: 'N',
      // The file's own XMP: a title 'all' keeps, stale terms the licence on record replaces.
      'XMP-dc:Title': 'Bag, front',
      'XMP-xmpRights:UsageTerms': 'Old terms',
    } as Record<string, unknown>,
    { writeArgs: ['-overwrite_original'] },
  );
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  const asset = (await h.byName('bag.jpg')).id;
  seedProducts(h.dataDir, [{ sku: 'SKU1', links: [{ assetId: asset, role: 'main' }] }]);
  await h.call('presets.save', { id: 'tiny', preset: tinyPreset({ metadata: 'copyright' }) });
  const [rendition] = tinyPreset().renditions;
  await h.call('presets.save', {
    id: 'bare',
    preset: tinyPreset({
      name: 'Bare',
      channel: 'bare',
      metadata: 'strip',
      renditions: [{ ...rendition!, format: 'webp' }],
    }),
  });
  await h.call('presets.save', {
    id: 'keep',
    preset: tinyPreset({ name: 'Keep', channel: 'keep', metadata: 'all' }),
  });
  shoot = (await h.call('licences.create', shootTerms('Photo: Studio & Co'))).id;
  const { id: own } = await h.call('licences.create', {
    name: 'House',
    type: 'owned',
    reference: 'C-7',
    endsOn: '2030-01-31',
  });
  await h.call('licences.attach', { licenceId: shoot, assetIds: [asset] });
  await h.call('licences.attach', { licenceId: own, assetIds: [asset] });
}, 120_000);

afterAll(async () => {
  await exiftool.end();
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('licence XMP on export', () => {
  it('writes usage terms, licensor, licence id, credit, copyright and end date', async () => {
    const summary = await exportAll();
    expect(summary.errors).toEqual([]);
    const t = await read(jpeg());
    expect(t.UsageTerms).toBe(`${NAME} (rights-managed); House (owned)`);
    expect(t.WebStatement).toBe('https://lic.example/42?a=1&b=2');
    expect(t.Licensor).toEqual([{ LicensorName: 'Studio & Co' }]);
    expect(t.LicenseID).toBe('https://lic.example/42?a=1&b=2; C-7');
    expect(t.Credit).toBe('Photo: Studio & Co');
    // The source has no copyright of its own: the credit line stands in.
    expect(t.Rights).toBe('Photo: Studio & Co');
    expect(t.Copyright).toBe('Photo: Studio & Co');
    // The earliest end date of the two licences.
    expect(t.LicenseEndDate).toMatchObject({ year: 2030, month: 1, day: 31 });
    expect(t.Make).toBeUndefined();
  });

  it("'strip' keeps copyright and credit when a licence requires credit, not camera or GPS", async () => {
    expect((await read(join(catalog, 'bag.jpg'))).Make).toBe('Canon');
    const t = await read(webp());
    expect(t.FileType).toMatch(/WEBP/);
    expect(t.Credit).toBe('Photo: Studio & Co');
    expect(t.Rights).toBe('Photo: Studio & Co');
    expect(t.UsageTerms).toBe(`${NAME} (rights-managed); House (owned)`);
    expect(t.Make).toBeUndefined();
    expect(t.Model).toBeUndefined();
    expect(t.GPSLatitude).toBeUndefined();
  });

  it("'all' keeps the source's EXIF and XMP and adds the licence fields", async () => {
    const job = await h.call('exports.start', { channels: ['keep'], out });
    expect((await h.call('exports.wait', { jobId: job.jobId })).errors).toEqual([]);
    const t = await read(join(out, 'keep', 'SKU1', 'SKU1-1.jpg'));
    expect(t.Make).toBe('Canon');
    expect(t.GPSLatitude).toBeCloseTo(52.37, 2);
    expect(t.Title).toBe('Bag, front');
    // One value, the licence on record: the file's own 'Old terms' are gone.
    expect(t.UsageTerms).toBe(`${NAME} (rights-managed); House (owned)`);
    expect(t.WebStatement).toBe('https://lic.example/42?a=1&b=2');
    expect(t.Licensor).toEqual([{ LicensorName: 'Studio & Co' }]);
    expect(t.LicenseID).toBe('https://lic.example/42?a=1&b=2; C-7');
    expect(t.Credit).toBe('Photo: Studio & Co');
    expect(t.LicenseEndDate).toMatchObject({ year: 2030, month: 1, day: 31 });
  });

  it('an unchanged licence re-renders nothing; a changed one rewrites the files', async () => {
    const before = await readFile(jpeg());
    const again = await exportAll();
    expect(again.rendered).toBe(0);
    expect(again.unchanged).toBe(2);
    expect((await readFile(jpeg())).equals(before)).toBe(true);

    await h.call('licences.update', { id: shoot, ...shootTerms('Photo: Studio & Co / Ada') });
    const changed = await exportAll();
    expect(changed.rendered).toBe(2);
    expect((await read(jpeg())).Credit).toBe('Photo: Studio & Co / Ada');
    expect((await read(webp())).Credit).toBe('Photo: Studio & Co / Ada');
  });
});
