// Manuals in channel packs, through the real engine on real PDFs: pre-flight against the
// preset's document rules (a broken PDF, one over the page limit), the manual copied byte for
// byte with its pages in the manifest, left out of the image CSV, recorded where used;
// a re-export touches nothing, and a user's file where a manual goes is kept.
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRules, ExportSummary, PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import {
  FORENSIC_PDF_PASSWORD,
  HAS_FORENSIC_PDFS,
  makePdf,
  quickStartPdf,
} from '../../test-support/sample-pdfs';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';

const RULES: DocumentRules = {
  formats: ['pdf'],
  maxBytes: null,
  maxPages: 2,
  allowEncrypted: false,
  file: '{sku}-manual-{position}.pdf',
  notes: '',
};

let h: Harness;
let catalog: string;
let out: string;
const id = new Map<string, number>();
const MANUAL = 'doc/D-1/D-1-manual-1.pdf';

async function run(to: string): Promise<ExportSummary> {
  const job = await h.call('exports.start', { channels: ['doc'], query: 'sku:D-1', out: to });
  return h.call('exports.wait', { jobId: job.jobId });
}

const manifestOf = async (): Promise<PackManifest> =>
  JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;

beforeAll(async () => {
  catalog = await tempDir('doc-src');
  out = await tempDir('doc-pack');
  const manual = quickStartPdf();
  const long = makePdf({ title: 'Long', pages: [['one'], ['two'], ['three']] });
  await Promise.all([
    writeFile(join(catalog, 'manual.pdf'), manual),
    writeFile(join(catalog, 'cut.pdf'), manual.subarray(0, Math.floor(manual.length / 2))),
    writeFile(join(catalog, 'long.pdf'), long),
    writeFile(join(catalog, 'shot.jpg'), await makeImage(320, 240, 'jpeg', 1)),
    HAS_FORENSIC_PDFS ? copyFile(FORENSIC_PDF_PASSWORD, join(catalog, 'locked.pdf')) : null,
  ]);
  h = await startHarness();
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) id.set(a.name, a.id);
  const of = (name: string): number => id.get(name) ?? 0;
  seedProducts(h.dataDir, [
    {
      sku: 'D-1',
      links: [
        { assetId: of('shot.jpg'), role: 'main' },
        { assetId: of('manual.pdf'), role: 'document', position: 1 },
        { assetId: of('cut.pdf'), role: 'document', position: 2 },
        { assetId: of('long.pdf'), role: 'document', position: 3 },
      ],
    },
    ...(HAS_FORENSIC_PDFS
      ? [{ sku: 'L-1', links: [{ assetId: of('locked.pdf'), role: 'document' as const }] }]
      : []),
  ]);
  await h.call('presets.save', {
    id: 'doc',
    preset: tinyPreset({ channel: 'doc', roles: ['main'], document: RULES }),
  });
}, 120_000);

afterAll(async () => {
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('manuals in a channel pack', () => {
  it('pre-flight passes the manual, fails a broken PDF and one over the page limit', async () => {
    expect(await h.byName('cut.pdf')).toMatchObject({ kind: 'document', state: 'error' });
    const report = await h.call('exports.check', { channels: ['doc'] });
    const of = (name: string) => report.items.find((i) => i.assetName === name);
    expect(of('manual.pdf')).toMatchObject({ level: 'pass', role: 'document', position: 1 });
    expect(of('cut.pdf')?.level).toBe('fail');
    expect(of('cut.pdf')?.checks[0]?.reason).toMatch(/could not be read when indexed/);
    expect(of('long.pdf')?.level).toBe('fail');
    expect(of('long.pdf')?.checks[0]?.reason).toBe('3 pages is over the limit of 2');
  });

  it('copies the manual byte for byte, lists it with its pages, leaves the rest out', async () => {
    const summary = await run(out);
    expect(summary).toMatchObject({ rendered: 2, skipped: 2, failed: 0 }); // photo, manual
    const copied = await readFile(join(out, ...MANUAL.split('/')));
    expect(copied.equals(await readFile(join(catalog, 'manual.pdf')))).toBe(true);
    const m = await manifestOf();
    expect(m.files.find((f) => f.file === MANUAL)).toMatchObject({
      kind: 'document',
      pages: 2,
      role: 'document',
      width: 0,
      height: 0,
      bytes: copied.length,
      sourceAssetId: id.get('manual.pdf'),
      warnings: [],
    });
    expect(m.files.map((f) => f.file).sort()).toEqual(['doc/D-1/D-1-1.jpg', MANUAL]);
    // The image CSV lists the photo only; where used records the manual.
    const csv = await readFile(join(out, 'doc-images.csv'), 'utf8');
    expect(csv).toMatch(/D-1-1\.jpg/);
    expect(csv).not.toMatch(/manual/);
    const used = await h.call('usages.list', { assetId: id.get('manual.pdf') ?? 0 });
    expect(used.map((u) => u.file)).toEqual([MANUAL]);
  });

  it('a re-export with nothing changed rewrites nothing', async () => {
    const before = await stat(join(out, ...MANUAL.split('/')));
    const manifest = await stat(join(out, 'manifest.json'));
    const summary = await run(out);
    expect(summary).toMatchObject({ rendered: 0, unchanged: 2, failed: 0, bytesWritten: 0 });
    const after = await stat(join(out, ...MANUAL.split('/')));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect((await stat(join(out, 'manifest.json'))).mtimeMs).toBe(manifest.mtimeMs);
  });

  it("never overwrites a user's file where the manual goes", async () => {
    const other = await tempDir('doc-pack-user');
    const mine = Buffer.from('%PDF-1.4 my own manual\n');
    const target = join(other, ...MANUAL.split('/'));
    await mkdir(join(other, 'doc', 'D-1'), { recursive: true });
    await writeFile(target, mine);
    const summary = await run(other);
    expect(summary).toMatchObject({ failed: 1, rendered: 1 }); // the photo lands
    expect(summary.errors.find((e) => e.file === MANUAL)?.reason).toMatch(/in the way/);
    expect((await readFile(target)).equals(mine)).toBe(true);
    await rm(other, { recursive: true, force: true });
  });

  it('the built-in web preset takes the manual; a copy of it keeps the document rules', async () => {
    const report = await h.call('exports.check', { channels: ['web'], query: 'sku:D-1' });
    expect(report.items.find((i) => i.assetName === 'manual.pdf')?.level).toBe('pass');
    const web = await h.call('presets.get', { id: 'web' });
    expect(web.document).toMatchObject({ formats: ['pdf'], maxBytes: null });
    expect((await h.call('presets.copy', { id: 'web' })).document).toEqual(web.document);
  });

  it.skipIf(!HAS_FORENSIC_PDFS)(
    "fails a real password-protected PDF for web's rules (needs forensics-samples-files)",
    async () => {
      const report = await h.call('exports.check', { channels: ['web'], query: 'sku:L-1' });
      const item = report.items.find((i) => i.assetName === 'locked.pdf');
      expect(item?.level).toBe('fail');
      expect(item?.checks.map((c) => c.reason)).toContain(
        'password-protected: a customer could not open it without the password',
      );
    },
  );
});
