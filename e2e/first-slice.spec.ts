// The first slice, end to end: add a folder, see its images in the grid (the bad files in an
// error state with their reason), select one and read its size in the preview.
import path from 'node:path';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import { dimensionsPattern, PreviewPanel } from './pages/preview-panel';
import { StatusBar } from './pages/status-bar';
import { WelcomePage } from './pages/welcome-page';
import { snapshotFolder } from './support/images';

// Indexing and thumbnailing 15 files on a 2-core machine.
const INDEXED = { timeout: 60_000 };

test('add a folder, see its images, read a size in the preview', async ({ app, images }) => {
  const { page } = app;
  const before = await snapshotFolder(images.dir);
  const total = images.good.length + images.bad.length;

  const welcome = new WelcomePage(page, app);
  await app.open();
  await expect(welcome.root).toBeVisible();
  await welcome.addCatalog(images.dir);

  const grid = new GridPage(page);
  await expect(grid.root).toBeVisible();
  await expect(grid.catalogList).toContainText(path.basename(images.dir));
  await expect(new StatusBar(page).root).toBeVisible();

  await expect(grid.cells).toHaveCount(total, INDEXED);
  await expect(grid.okCells).toHaveCount(images.good.length, INDEXED);
  await expect(grid.readyThumbCells).toHaveCount(images.good.length, INDEXED);
  await expect(grid.errorCells).toHaveCount(images.bad.length, INDEXED);

  for (const image of images.good) {
    await expect(grid.cell(image.name), image.name).toHaveAttribute('data-state', 'ok');
    await expect(grid.cell(image.name), image.name).toHaveAttribute('data-thumb', 'ready');
  }
  for (const bad of images.bad) {
    await expect(grid.cell(bad.name), bad.name).toHaveAttribute('data-state', 'error');
    await expect(grid.errorText(bad.name), `reason shown for ${bad.name}`).toHaveText(/\S/);
  }

  const preview = new PreviewPanel(page);
  for (const wanted of ['800x600.jpg', '1024x768.png']) {
    const image = images.good.find((i) => i.name.endsWith(wanted));
    if (!image) throw new Error(`no generated image ${wanted}`);
    const cell = grid.cell(image.name);
    await cell.click();
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    await expect(preview.root).toBeVisible();
    await expect(preview.name).toContainText(image.name);
    await expect(preview.dimensions).toHaveText(dimensionsPattern(image.width, image.height));
    await expect(preview.format).toHaveText(new RegExp(image.format, 'i'));
    await expect(preview.bytes).toHaveText(/\d/);
  }

  // A bad file, selected, says why in the preview too.
  const broken = images.bad.find((b) => b.kind === 'not-an-image')!;
  await grid.cell(broken.name).click();
  await expect(preview.name).toContainText(broken.name);
  await expect(preview.error).toHaveText(/\S/);

  // Originals are sacred: the folder holds exactly the same bytes as before.
  expect(await snapshotFolder(images.dir)).toEqual(before);
});

test.describe('browser mode', () => {
  test.skip(({ host }) => host !== 'browser', 'the HTTP bridge serves browser mode only');

  test('the HTTP bridge refuses requests without the token', async ({ server }) => {
    const { origin, url } = server!;
    // With the token, the UI is served (so the refusals below are not just a dead server).
    expect((await fetch(url)).status).toBe(200);

    const attempts: Array<{ label: string; init: RequestInit }> = [
      {
        label: 'POST /api/catalogs.list without token',
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      },
      { label: 'GET /api/catalogs.list without token', init: { method: 'GET' } },
      {
        label: 'POST /api/catalogs.list with a wrong token',
        init: {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: 'Bearer not-the-token',
            'x-packshot-token': 'not-the-token',
          },
          body: '{}',
        },
      },
    ];
    for (const { label, init } of attempts) {
      const response = await fetch(`${origin}/api/catalogs.list`, init);
      expect([401, 403], `${label} → ${response.status}`).toContain(response.status);
    }
    const wrongQuery = await fetch(`${origin}/api/catalogs.list?token=not-the-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([401, 403], `?token=wrong → ${wrongQuery.status}`).toContain(wrongQuery.status);
  });
});
