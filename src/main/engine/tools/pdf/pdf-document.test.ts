// pdfjs on its worker threads over real PDFs: one written here with known text, Debian's
// forensics samples with and without a password, a truncated file, and a time limit.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORENSIC_PDF,
  FORENSIC_PDF_PASSWORD,
  HAS_FORENSIC_PDFS,
  makePdf,
  quickStartPdf,
  slowPdf,
} from '../../../test-support/sample-pdfs';
import { tempDir } from '../../../test-support/sample-images';
import { readPdf, renderPdfPage } from './pdf-document';
import { PdfWorkerPool } from './pdf-workers';

let dir: string;
let manual: string;

beforeAll(async () => {
  dir = await tempDir('pdf');
  manual = join(dir, 'manual.pdf');
  await writeFile(manual, quickStartPdf());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPdf', () => {
  it('reads pages, title, author, page size and plain text of every page', async () => {
    const info = await readPdf(manual);
    expect(info).toMatchObject({
      locked: false,
      pages: 2,
      title: 'Trail Shoe Manual',
      author: 'Acme Outdoor',
      producer: 'Packshot tests',
      created: 'D:20240102030405Z',
      encrypted: false,
      widthPt: 612,
      heightPt: 792,
      truncated: false,
      failedPages: 0,
    });
    if (info.locked) return;
    expect(info.text.toLowerCase()).toContain('quick start');
    // Three spaces in the file, one in the text; one line per page.
    expect(info.text).toContain('Lace the shoe firmly.');
    expect(info.text.split('\n')).toHaveLength(2);
    expect(info.text.split('\n')[1]).toMatch(/^Care and cleaning/);
  });

  it.skipIf(!HAS_FORENSIC_PDFS)(
    'reads the forensics sample (skipped without forensics-samples-files)',
    async () => {
      expect(await readPdf(FORENSIC_PDF)).toMatchObject({
        pages: 2,
        author: 'Eriberto Mota',
        producer: 'LibreOffice 7.0',
        text: expect.stringContaining('There are 2 pages') as unknown,
      });
    },
  );

  it.skipIf(!HAS_FORENSIC_PDFS)(
    'says a password-protected PDF is locked, and will not paint it (skipped without forensics-samples-files)',
    async () => {
      expect(await readPdf(FORENSIC_PDF_PASSWORD)).toEqual({ locked: true });
      await expect(renderPdfPage(FORENSIC_PDF_PASSWORD, 1, { width: 100 })).rejects.toThrow(
        /^Password-protected PDF/,
      );
    },
  );

  it('calls a truncated PDF broken', async () => {
    const cut = join(dir, 'cut.pdf');
    const whole = quickStartPdf();
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(readPdf(cut)).rejects.toThrow(/^Broken PDF: /);
    await expect(readPdf(join(dir, 'absent.pdf'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps titles in other scripts and escaped parentheses', async () => {
    const path = join(dir, 'escaped.pdf');
    await writeFile(path, makePdf({ title: 'Guide (v2)', author: 'A\\B', pages: [['x']] }));
    expect(await readPdf(path)).toMatchObject({ title: 'Guide (v2)', author: 'A\\B', pages: 1 });
  });
});

describe('renderPdfPage', () => {
  it('paints a page at the width asked, as a PNG that is not blank', async () => {
    const page = await renderPdfPage(manual, 2, { width: 300 });
    expect(page).toMatchObject({ width: 300, height: 388, pages: 2 });
    const meta = await sharp(page.png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 300, height: 388 });
    // Text and the blue band: dark pixels on white.
    const { channels } = await sharp(page.png).stats();
    expect(channels[0]?.min).toBeLessThan(100);
    expect(channels[0]?.max).toBe(255);
  });

  it('fits a box and never goes past the side limit', async () => {
    expect(await renderPdfPage(manual, 1, { box: 320 })).toMatchObject({ width: 247, height: 320 });
    const huge = await renderPdfPage(manual, 1, { width: 100_000 });
    expect(huge.height).toBe(4096);
  });

  it('refuses a page the document does not have', async () => {
    await expect(renderPdfPage(manual, 3, { width: 100 })).rejects.toThrow(
      'No page 3 (the document has 2)',
    );
  });
});

describe('the time limit', () => {
  it('terminates a worker past its limit, and the next job gets a fresh one', async () => {
    const pool = new PdfWorkerPool(1);
    // 1 ms: the worker has not even loaded pdfjs.
    await expect(readPdf(manual, { pool, timeoutMs: 1 })).rejects.toThrow(
      'Reading the PDF took longer than 1 ms: stopped',
    );
    expect(await readPdf(manual, { pool, timeoutMs: 30_000 })).toMatchObject({ pages: 2 });
  });

  it('stops a PDF that keeps pdfjs busy for tens of seconds, and the pool goes on', async () => {
    const slow = join(dir, 'slow.pdf');
    await writeFile(slow, await slowPdf());
    const pool = new PdfWorkerPool(1);
    await expect(readPdf(slow, { pool, timeoutMs: 1000 })).rejects.toThrow(
      'Reading the PDF took longer than 1 s: stopped',
    );
    expect(await readPdf(manual, { pool })).toMatchObject({ pages: 2 });
  });

  it('runs jobs queued beyond the pool one after another', async () => {
    const pool = new PdfWorkerPool(1);
    const bytes = await readFile(manual);
    const copies = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const path = join(dir, `copy-${i}.pdf`);
        await writeFile(path, bytes);
        return readPdf(path, { pool });
      }),
    );
    expect(copies.map((c) => (c.locked ? 0 : c.pages))).toEqual([2, 2, 2]);
  });
});
