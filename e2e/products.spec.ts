// Products (issue 5) end to end, against the real engine in browser mode: products made by
// CSV import and by hand, media linked by dragging from the Library grid and from the media
// strip onto the board, a gallery reordered by drag, undo and redo, and the Library's
// "Not linked" filter following along.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import { ProductsPage } from './pages/products-page';
import { WelcomePage } from './pages/welcome-page';

// Indexing and thumbnailing 15 files on a 2-core machine.
const INDEXED = { timeout: 60_000 };

// A semicolon-separated CSV with a BOM, as spreadsheet apps write it.
const CSV = '\uFEFFsku;name;color\nSHOE-1;Red sneaker;red\nBAG-2;Canvas tote;blue\n';

test('link media to products by drag and drop, reorder, undo', async ({ app, images }) => {
  const { page } = app;
  const csvDir = await mkdtemp(path.join(os.tmpdir(), 'packshot-e2e-csv-'));
  const csvFile = path.join(csvDir, 'products.csv');
  await writeFile(csvFile, CSV);
  const [a, b, c, d] = images.good.map((g) => g.name);
  if (!a || !b || !c || !d) throw new Error('need four generated images');

  try {
    await app.open();
    await new WelcomePage(page, app).addCatalog(images.dir);
    const grid = new GridPage(page);
    await expect(grid.readyThumbCells).toHaveCount(images.good.length, INDEXED);

    // Products: two from a CSV, one by hand.
    const products = new ProductsPage(page);
    await products.open();
    await products.importCsv(csvFile);
    await expect(products.csvDialog.getByTestId('csv-created')).toHaveText('2');
    await products.csvDialog.getByTestId('csv-close').click();
    await products.createProduct({ sku: 'HAT-3', name: 'Sun hat', channels: 'shopify' });
    await expect(page.getByTestId('product-page-sku')).toHaveText('HAT-3');
    await expect(products.row('SHOE-1')).toContainText('Red sneaker');
    await expect(products.row('BAG-2')).toContainText('color: blue');

    // Library: drag three images from the grid onto SHOE-1 in the products panel.
    await products.openLibrary();
    await page.getByTestId('product-drop-toggle').click();
    for (const name of [a, b, c]) {
      await grid.cell(name).click();
      await grid.cell(name).dragTo(products.row('SHOE-1'));
    }
    await expect(products.row('SHOE-1').getByTestId('product-link-count')).toHaveText('3');

    // Their board: the three in the gallery, in the order they were dropped.
    await products.open();
    await products.row('SHOE-1').click();
    await expect(products.board).toBeVisible();
    await expect.poll(() => products.names('gallery')).toEqual([a, b, c]);
    await expect(products.tiles('main')).toHaveCount(0);

    // The media strip offers what is not linked yet; one onto the main slot makes it main.
    await expect(products.stripTile(a)).toHaveCount(0);
    await products.stripTile(d).dragTo(products.slot('main'));
    await expect.poll(() => products.names('main')).toEqual([d]);
    await expect.poll(() => products.names('gallery')).toEqual([a, b, c]);

    // Reorder the gallery: the first onto the right half of the last goes last.
    const last = products.tiles('gallery').nth(2);
    const box = await last.boundingBox();
    if (!box) throw new Error('the last gallery tile has no box');
    await products
      .tiles('gallery')
      .nth(0)
      .dragTo(last, {
        targetPosition: { x: box.width - 4, y: box.height / 2 },
      });
    await expect.poll(() => products.names('gallery')).toEqual([b, c, a]);

    // Undo puts it back; redo again; undo twice more takes the main image off too.
    await products.undo.click();
    await expect.poll(() => products.names('gallery')).toEqual([a, b, c]);
    await products.redo.click();
    await expect.poll(() => products.names('gallery')).toEqual([b, c, a]);
    await products.undo.click();
    await products.undo.click();
    await expect.poll(() => products.names('main')).toEqual([]);
    await expect.poll(() => products.names('gallery')).toEqual([a, b, c]);

    // The Library's "Not linked" filter leaves the three linked images out.
    await products.openLibrary();
    await page.getByTestId('filter-unlinked').click();
    const unlinked = images.good.length + images.bad.length - 3;
    await expect(grid.cells).toHaveCount(unlinked);
    for (const name of [a, b, c]) await expect(grid.cell(name)).toHaveCount(0);
    await expect(grid.cell(d)).toHaveCount(1);
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
});
