// PDFs through the built command line: the pdfjs worker, pdfjs and its fonts are found from
// the build (out/main) as they are from the sources.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { quickStartPdf } from '../../test-support/sample-pdfs';
import { runPackshot } from '../../test-support/run-cli';

let dataDir: string;
let docs: string;

beforeAll(async () => {
  dataDir = await tempDir('cli-pdf-data');
  docs = await tempDir('cli-pdf-docs');
  const manual = quickStartPdf();
  await writeFile(join(docs, 'manual.pdf'), manual);
  await writeFile(join(docs, 'cut.pdf'), manual.subarray(0, 300));
}, 300_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(docs, { recursive: true, force: true });
});

describe('packshot scan with PDFs', () => {
  it('reads a PDF and paints its page 1; a cut one is an error, and the scan ends', () => {
    expect(runPackshot(dataDir, ['catalog', 'add', docs]).status).toBe(0);
    const scan = runPackshot(dataDir, ['scan', '--json']);
    expect(scan.status).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({ assets: 2, errors: 1 });
    const rows = JSON.parse(runPackshot(dataDir, ['assets', '--json']).stdout) as {
      path: string;
      state: string;
      width: number | null;
      thumbnailPath: string | null;
      error: string | null;
    }[];
    expect(rows.find((r) => r.path.endsWith('manual.pdf'))).toMatchObject({
      state: 'ok',
      width: 612,
      thumbnailPath: expect.stringMatching(/\.webp$/) as unknown,
    });
    expect(rows.find((r) => r.path.endsWith('cut.pdf'))).toMatchObject({
      state: 'error',
      error: 'Broken PDF: its structure is damaged or the file is cut short',
    });
  });
});
