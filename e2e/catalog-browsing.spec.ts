// Browsing a catalog (issue 3, §7): the folder tree filters the grid, sorting by size,
// the errors filter, keyboard navigation, and the loupe with 1:1 zoom, against the real
// engine in browser mode.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type App } from './fixtures';
import { GridPage } from './pages/grid-page';
import { LoupePage } from './pages/loupe-page';
import { SidebarPage } from './pages/sidebar-page';
import { ToolbarPage } from './pages/toolbar-page';
import { WelcomePage } from './pages/welcome-page';
import { addFolderImages, type FolderImage } from './support/folder-images';
import type { ImageSet } from './support/images';

// Indexing and thumbnailing 19 files on a 2-core machine.
const INDEXED = { timeout: 60_000 };

/** Adds the images folder (plus subfolders) as a catalog and waits until all is indexed. */
async function openIndexedCatalog(
  app: App,
  images: ImageSet,
): Promise<{ grid: GridPage; nested: FolderImage[]; total: number }> {
  const nested = await addFolderImages(images.dir);
  const total = images.good.length + images.bad.length + nested.length;
  await app.open();
  await new WelcomePage(app.page, app).addCatalog(images.dir);
  const grid = new GridPage(app.page);
  await expect(grid.cells).toHaveCount(total, INDEXED);
  await expect(grid.okCells).toHaveCount(total - images.bad.length, INDEXED);
  await expect(grid.errorCells).toHaveCount(images.bad.length, INDEXED);
  return { grid, nested, total };
}

test('the folder tree shows counts and filters the grid to a folder', async ({ app, images }) => {
  const { grid, nested, total } = await openIndexedCatalog(app, images);
  const sidebar = new SidebarPage(app.page);

  await expect(sidebar.folderTree).toBeVisible();
  const sub = sidebar.folder('sub');
  await expect(sub).toContainText('sub');
  await expect(sub).toContainText(String(nested.length)); // subfolders included
  await expect(sidebar.folder('sub/deeper')).toHaveCount(0); // closed until opened

  await sub.click();
  await expect(sub).toHaveAttribute('aria-current', 'true');
  await expect(grid.cells).toHaveCount(nested.length);
  expect((await grid.cellNames()).sort()).toEqual(nested.map((n) => n.name).sort());

  await sidebar.expander('sub').click();
  const deeper = sidebar.folder('sub/deeper');
  await expect(deeper).toContainText('1');
  await deeper.click();
  await expect(grid.cells).toHaveCount(1);
  expect(await grid.cellNames()).toEqual(['deep-640x640.png']);

  // Back to the whole catalog.
  await sidebar.catalog((await sub.getAttribute('data-catalog-id')) ?? '').click();
  await expect(grid.cells).toHaveCount(total);
});

test('sorting by size puts the largest files first', async ({ app, images }) => {
  const { grid } = await openIndexedCatalog(app, images);
  const toolbar = new ToolbarPage(app.page);
  const names = [...images.good.map((i) => i.name), ...images.bad.map((b) => b.name)];
  const sizes = new Map<string, number>();
  for (const name of names) sizes.set(name, (await stat(path.join(images.dir, name))).size);

  await toolbar.sortBy('size');
  await expect(toolbar.sort).toHaveValue('size');
  await expect(async () => {
    const shown = await grid.cellNames();
    const bytes = shown.map((n) => sizes.get(n)).filter((b) => b !== undefined);
    expect(bytes.length).toBeGreaterThan(5);
    expect(bytes).toEqual([...bytes].sort((a, b) => b - a));
  }).toPass({ timeout: 10_000 });
  const largest = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  // The largest of the top-level files precedes every other top-level file.
  const shown = (await grid.cellNames()).filter((n) => sizes.has(n));
  expect(shown[0]).toBe(largest);
});

test('the errors filter shows only the files that could not be read', async ({ app, images }) => {
  const { grid, total } = await openIndexedCatalog(app, images);
  const toolbar = new ToolbarPage(app.page);

  await toolbar.filter('errors').click();
  await expect(toolbar.filter('errors')).toHaveAttribute('aria-pressed', 'true');
  await expect(grid.cells).toHaveCount(images.bad.length);
  await expect(grid.errorCells).toHaveCount(images.bad.length);
  expect((await grid.cellNames()).sort()).toEqual(images.bad.map((b) => b.name).sort());

  await toolbar.filter('missing').click();
  await expect(grid.cells).toHaveCount(0);
  await expect(app.page.getByText('No media here yet.')).toBeVisible();

  await toolbar.filter('all').click();
  await expect(grid.cells).toHaveCount(total);
});

test('arrow keys, Home and End move the selection through the grid', async ({ app, images }) => {
  const { grid, total } = await openIndexedCatalog(app, images);
  const names = await grid.cellNames();
  const columns = await grid.columns();
  expect(columns).toBeGreaterThan(1);

  await grid.cells.first().click();
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[0]!);
  await app.page.keyboard.press('ArrowRight');
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[1]!);
  await app.page.keyboard.press('ArrowDown');
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[1 + columns]!);
  await app.page.keyboard.press('ArrowLeft');
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[columns]!);
  await app.page.keyboard.press('ArrowUp');
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[0]!);
  await app.page.keyboard.press('End');
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[total - 1]!);
  await app.page.keyboard.press('Home');
  await expect(grid.selectedCell).toHaveAttribute('data-name', names[0]!);
});

test('Space opens the loupe on the selection; Z and a click toggle 1:1', async ({
  app,
  images,
}) => {
  const { grid } = await openIndexedCatalog(app, images);
  const loupe = new LoupePage(app.page);
  const photo = images.good.find((i) => i.name.endsWith('1920x1080.jpg'))!;
  const second = images.good.find((i) => i.name.endsWith('1280x720.jpg'))!;

  await grid.cell(photo.name).click();
  await app.page.keyboard.press(' ');
  await expect(loupe.root).toBeVisible();
  await expect(loupe.root).toHaveAttribute('data-zoom', 'fit');
  await expect(loupe.root).toContainText(photo.name);
  // The preview replaces the thumbnail once rendered: the full 1920 px (under 2048).
  await expect(loupe.image).toHaveAttribute('src', /\/media\/preview\//, INDEXED);
  await expect.poll(async () => (await loupe.imageWidths()).natural, INDEXED).toBe(1920);
  // Fit: the 1920 px preview is held by the 1600 px wide window.
  expect((await loupe.imageWidths()).shown).toBeLessThanOrEqual(1600);

  await app.page.keyboard.press('z');
  await expect(loupe.root).toHaveAttribute('data-zoom', '1:1');
  await expect
    .poll(async () => {
      const { shown, natural, dpr } = await loupe.imageWidths();
      return Math.round(shown * dpr) - natural;
    })
    .toBe(0);

  await loupe.root.click({ position: { x: 400, y: 400 } });
  await expect(loupe.root).toHaveAttribute('data-zoom', 'fit');
  await loupe.root.click({ position: { x: 400, y: 400 } });
  await expect(loupe.root).toHaveAttribute('data-zoom', '1:1');
  await app.page.keyboard.press('z');
  await expect(loupe.root).toHaveAttribute('data-zoom', 'fit');

  // Right arrow goes to the next asset in the grid, without leaving the loupe.
  const names = await grid.cellNames();
  const next = names[names.indexOf(photo.name) + 1]!;
  await app.page.keyboard.press('ArrowRight');
  await expect(loupe.root).toContainText(next);
  await app.page.keyboard.press('ArrowLeft');
  await expect(loupe.root).toContainText(photo.name);

  await app.page.keyboard.press('Escape');
  await expect(loupe.root).toHaveCount(0);
  await expect(grid.selectedCell).toHaveAttribute('data-name', photo.name);

  // Space opens and closes it; a double-click opens it too.
  await grid.cell(second.name).dblclick();
  await expect(loupe.root).toContainText(second.name);
  await app.page.keyboard.press(' ');
  await expect(loupe.root).toHaveCount(0);
});

test('a copy made while Packshot runs is badged, links to its original, and is found by the duplicates filter', async ({
  app,
  images,
}) => {
  const { grid, total } = await openIndexedCatalog(app, images);
  const toolbar = new ToolbarPage(app.page);
  const original = images.good[0]!;
  const originalId = await grid.cell(original.name).getAttribute('data-asset-id');

  await mkdir(path.join(images.dir, 'copies'), { recursive: true });
  await copyFile(path.join(images.dir, original.name), path.join(images.dir, 'copies', 'copy.jpg'));
  await expect(grid.cells).toHaveCount(total + 1, INDEXED);
  const copy = grid.cell('copy.jpg');
  await expect(copy.getByTestId('cell-badge-duplicate')).toHaveText(
    `Copy of #${originalId}`,
    INDEXED,
  );
  await expect(grid.root.getByTestId('cell-badge-duplicate')).toHaveCount(1);

  await copy.click();
  await app.page.getByTestId('preview-duplicate').getByRole('button').click();
  await expect(grid.selectedCell).toHaveAttribute('data-name', original.name);

  await toolbar.filter('duplicates').click();
  await expect(grid.cells).toHaveCount(2);
  expect((await grid.cellNames()).sort()).toEqual(['copy.jpg', original.name].sort());
});
