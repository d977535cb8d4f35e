// Documents through the real engine: a scan reads each PDF's facts and text, paints page 1
// as its thumbnail, and gives a locked or broken PDF its own state while the rest index.
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open-database';
import { MediaFactsRepo } from '../repositories/media-facts-repo';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import {
  FORENSIC_PDF,
  FORENSIC_PDF_PASSWORD,
  HAS_FORENSIC_PDFS,
  quickStartPdf,
} from '../../test-support/sample-pdfs';
import { LOCKED_NOTICE } from './readers/document-reader';

let h: Harness;
let folder: string;
let db: Db;

beforeAll(async () => {
  folder = await tempDir('documents');
  const manual = quickStartPdf();
  await writeFile(join(folder, 'manual.pdf'), manual);
  await writeFile(join(folder, 'cut.pdf'), manual.subarray(0, Math.floor(manual.length / 2)));
  await writeFile(join(folder, 'shoe.jpg'), await makeImage(320, 240, 'jpeg', 1));
  if (HAS_FORENSIC_PDFS) {
    await copyFile(FORENSIC_PDF, join(folder, 'forensic.pdf'));
    await copyFile(FORENSIC_PDF_PASSWORD, join(folder, 'locked.pdf'));
  }
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  db = openDatabase(join(h.dataDir, 'packshot.db'));
}, 300_000);

afterAll(async () => {
  db.close();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('documents', () => {
  it('reads a PDF: pages, title, author, page size, date, and its text for search', async () => {
    const asset = await h.byName('manual.pdf');
    expect(asset).toMatchObject({
      kind: 'document',
      format: 'pdf',
      state: 'ok',
      width: 612,
      height: 792,
      notice: null,
      capturedAt: '2024-01-02T03:04:05Z',
    });
    const detail = await h.call('assets.get', { id: asset.id });
    expect(detail.facts).toMatchObject({
      pages: 2,
      title: 'Trail Shoe Manual',
      author: 'Acme Outdoor',
      detail: { pageSize: 'Letter (216 × 279 mm)', encrypted: false, producer: 'Packshot tests' },
    });
    const text = new MediaFactsRepo(db).text(asset.id) ?? '';
    expect(text.toLowerCase()).toContain('quick start');
    expect(text).toBe(
      'Quick start guide Lace the shoe firmly.\nCare and cleaning Rinse with water.',
    );
    expect(text).not.toMatch(/\s{2}/);
  });

  it('makes the thumbnail from page 1, not a blank page', async () => {
    const asset = await h.byName('manual.pdf');
    expect(asset.thumb).toBe('ready');
    const file = h.engine.resolveMedia('thumb', asset.hash ?? '');
    expect(file).not.toBeNull();
    const thumb = sharp(file ?? '');
    // Letter paper fits the 320 px box by its height.
    expect(await thumb.metadata()).toMatchObject({ width: 247, height: 320 });
    const { channels } = await thumb.stats();
    expect(channels[0]?.min).toBeLessThan(100);
    expect(channels[0]?.max).toBeGreaterThan(240);
  });

  it('gives a truncated PDF an error of its own, and indexes the rest', async () => {
    expect(await h.byName('cut.pdf')).toMatchObject({
      kind: 'document',
      state: 'error',
      error: 'Broken PDF: its structure is damaged or the file is cut short',
      thumb: 'none',
    });
    expect(await h.byName('shoe.jpg')).toMatchObject({ state: 'ok', thumb: 'ready' });
  });

  it('forgets what it read of a PDF that can no longer be read: no stale facts or text', async () => {
    const extra = join(folder, 'gone.pdf');
    await writeFile(extra, quickStartPdf());
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const before = await h.byName('gone.pdf');
    expect((await h.call('assets.get', { id: before.id })).facts?.pages).toBe(2);
    const found = async (): Promise<string[]> =>
      (await h.call('assets.list', { query: 'text:"quick start" pages>1' })).items.map(
        (a) => a.name,
      );
    expect(await found()).toContain('gone.pdf');
    await writeFile(extra, ''); // emptied in place: an error on it at the next read
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect(await h.byName('gone.pdf')).toMatchObject({ state: 'error' });
    expect((await h.call('assets.get', { id: before.id })).facts).toBeNull();
    expect(await found()).not.toContain('gone.pdf');
  });

  it.skipIf(!HAS_FORENSIC_PDFS)(
    'reads the forensics sample PDF (skipped without forensics-samples-files)',
    async () => {
      const asset = await h.byName('forensic.pdf');
      expect(asset).toMatchObject({ state: 'ok', thumb: 'ready', width: 595, height: 842 });
      expect(asset.capturedAt).toBe('2020-09-11T22:27:13-03:00');
      const detail = await h.call('assets.get', { id: asset.id });
      expect(detail.facts).toMatchObject({ pages: 2, author: 'Eriberto Mota' });
      expect(new MediaFactsRepo(db).text(asset.id)).toContain('There are 2 pages');
    },
  );

  it.skipIf(!HAS_FORENSIC_PDFS)(
    'keeps a password-protected PDF ok, unpreviewed and unsearched, with a notice (skipped without forensics-samples-files)',
    async () => {
      const asset = await h.byName('locked.pdf');
      expect(asset).toMatchObject({ state: 'ok', thumb: 'none', notice: LOCKED_NOTICE });
      const detail = await h.call('assets.get', { id: asset.id });
      expect(detail.facts).toMatchObject({ pages: null, detail: { encrypted: true } });
      expect(new MediaFactsRepo(db).text(asset.id)).toBeNull();
    },
  );
});
