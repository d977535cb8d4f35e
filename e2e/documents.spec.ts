// Manuals (issue 15, §2) against the real engine: a PDF in the folder gets page 1 as its
// grid thumbnail, and the loupe shows its pages, painted by the engine's page route, with
// the page keys.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quickStartPdf } from '../src/main/test-support/sample-pdfs';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import { WelcomePage } from './pages/welcome-page';

const INDEXED = { timeout: 60_000 };

test('a PDF shows page 1 in the grid and pages through in the loupe', async ({ app, images }) => {
  await writeFile(path.join(images.dir, 'manual.pdf'), quickStartPdf());
  await app.open();
  await new WelcomePage(app.page, app).addCatalog(images.dir);
  const grid = new GridPage(app.page);
  const cell = grid.cell('manual.pdf');
  await expect(cell).toHaveAttribute('data-state', 'ok', INDEXED);
  await expect(cell).toHaveAttribute('data-thumb', 'ready', INDEXED);

  await cell.click();
  await app.page.keyboard.press('Space');
  const loupe = app.page.getByTestId('loupe');
  const page = loupe.getByTestId('loupe-page');
  const natural = (): Promise<number> =>
    page.evaluate((img: unknown) => (img as { naturalWidth: number }).naturalWidth);
  await expect(loupe.getByTestId('loupe-page-number')).toHaveText('Page 1 of 2');
  await expect(page).toHaveAttribute('src', /\/media\/page\/[0-9a-f]{64}\/1\?w=\d+$/);
  await expect.poll(natural, INDEXED).toBeGreaterThan(0);

  await app.page.keyboard.press('PageDown');
  await expect(loupe.getByTestId('loupe-page-number')).toHaveText('Page 2 of 2');
  await expect(page).toHaveAttribute('src', /\/2\?w=\d+$/);
  await expect.poll(natural, INDEXED).toBeGreaterThan(0);
  const width = Number(/w=(\d+)$/.exec((await page.getAttribute('src')) ?? '')?.[1]);
  expect(await natural()).toBe(width);
});
