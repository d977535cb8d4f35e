// Culling and tagging (issue 4, §1–2) against the real engine in browser mode: rating,
// flags and labels on a multi-selection by keyboard, undo, tagging through the
// autocomplete, the keyword panel's counts, and hiding rejects.
import { expect, test, type App } from './fixtures';
import { CullingPage } from './pages/culling-page';
import { GridPage } from './pages/grid-page';
import { WelcomePage } from './pages/welcome-page';
import type { ImageSet } from './support/images';

// Indexing and thumbnailing 15 files on a 2-core machine.
const INDEXED = { timeout: 60_000 };

async function openIndexedCatalog(app: App, images: ImageSet): Promise<GridPage> {
  const total = images.good.length + images.bad.length;
  await app.open();
  await new WelcomePage(app.page, app).addCatalog(images.dir);
  const grid = new GridPage(app.page);
  await expect(grid.cells).toHaveCount(total, INDEXED);
  await expect(grid.okCells).toHaveCount(images.good.length, INDEXED);
  return grid;
}

function goodName(images: ImageSet, i: number): string {
  const image = images.good[i];
  if (image === undefined) throw new Error(`no good image ${i}`);
  return image.name;
}

test('keys rate, flag and label the selection; Ctrl+Z undoes; rejects can be hidden', async ({
  app,
  images,
}) => {
  const grid = await openIndexedCatalog(app, images);
  const culling = new CullingPage(app.page);
  const [a, b, c] = [0, 1, 2].map((i) => grid.cell(goodName(images, i)));
  if (a === undefined || b === undefined || c === undefined) throw new Error('three cells');

  await a.click();
  await b.click({ modifiers: ['Control'] });
  await expect(grid.selectedCell).toHaveCount(2);
  await app.page.keyboard.press('5');
  await app.page.keyboard.press('p');
  for (const cell of [a, b]) {
    await expect(cell.getByTestId('cell-rating')).toHaveText('★★★★★');
    await expect(cell.getByTestId('cell-flag')).toHaveAttribute('data-flag', 'pick');
  }

  await c.click();
  await app.page.keyboard.press('x');
  await app.page.keyboard.press('6');
  await expect(c.getByTestId('cell-flag')).toHaveAttribute('data-flag', 'reject');
  await expect(c.getByTestId('cell-label')).toHaveAttribute('data-label', 'red');
  await expect(app.page.getByTestId('preview-flag')).toHaveAttribute('data-flag', 'reject');
  await expect(a.getByTestId('cell-label')).toHaveCount(0);

  // One Ctrl+Z takes back the label, and only the label.
  await app.page.keyboard.press('Control+z');
  await expect(culling.toast).toContainText('Undone');
  await expect(c.getByTestId('cell-label')).toHaveCount(0);
  await expect(c.getByTestId('cell-flag')).toHaveAttribute('data-flag', 'reject');
  await expect(a.getByTestId('cell-rating')).toHaveText('★★★★★');

  // Redo brings it back; the buttons name the step.
  await app.page.keyboard.press('Control+Shift+z');
  await expect(culling.toast).toContainText('Redone');
  await expect(c.getByTestId('cell-label')).toHaveAttribute('data-label', 'red');
  await expect(culling.undoButton).toHaveAttribute('title', /^Undo “.+”/);

  // Hide rejects: the rejected frame leaves the list, the others stay.
  const total = images.good.length + images.bad.length;
  await culling.hideRejects.check();
  await expect(grid.cells).toHaveCount(total - 1);
  await expect(grid.root.locator(`[data-name=${JSON.stringify(goodName(images, 2))}]`)).toHaveCount(
    0,
  );
  await culling.hideRejects.uncheck();
  await expect(grid.cells).toHaveCount(total);
});

test('tags two frames through the autocomplete; the keyword panel counts them', async ({
  app,
  images,
}) => {
  const grid = await openIndexedCatalog(app, images);
  const culling = new CullingPage(app.page);
  const a = grid.cell(goodName(images, 3));
  const b = grid.cell(goodName(images, 4));

  await a.click();
  await b.click({ modifiers: ['Control'] });
  await culling.tagInput.fill('Product|Shoes');
  await expect(culling.suggestions).toHaveText(['Create “Product › Shoes”']);
  await culling.tagInput.press('Enter');

  await expect(culling.keyword('Product')).toBeVisible();
  await culling.expand('Product');
  await expect(culling.keywordCount('Product|Shoes')).toHaveText('2');

  // The autocomplete now knows it, from any level of the path.
  await culling.tagInput.fill('sho');
  await expect(culling.suggestions.first()).toContainText('Product › Shoes');
  await culling.tagInput.press('Escape');
  await culling.tagInput.press('Escape');

  // A click on the keyword searches for it.
  await culling.keyword('Product|Shoes').getByTestId('keyword-name').click();
  await expect(app.page.getByTestId('search-input')).toHaveValue('tag:"Product|Shoes"');
  await expect(grid.cells).toHaveCount(2);

  // The preview lists the keyword; × removes it as one undoable step.
  await grid.cells.first().click();
  await expect(app.page.getByTestId('preview-tag')).toHaveAttribute('data-path', 'Product|Shoes');
  await app.page.getByRole('button', { name: 'Remove Product|Shoes' }).click();
  await expect(grid.cells).toHaveCount(1);
  await expect(culling.keywordCount('Product|Shoes')).toHaveText('1');
  await app.page.keyboard.press('Control+z');
  await expect(grid.cells).toHaveCount(2);
});

test('compares selected frames side by side; keys rate the frame under focus', async ({
  app,
  images,
}) => {
  const grid = await openIndexedCatalog(app, images);
  const [a, b, c] = [5, 6, 7].map((i) => grid.cell(goodName(images, i)));
  if (a === undefined || b === undefined || c === undefined) throw new Error('three cells');
  await a.click();
  await b.click({ modifiers: ['Control'] });
  await c.click({ modifiers: ['Control'] });
  await app.page.keyboard.press('c');

  const view = app.page.getByTestId('compare-view');
  const frames = view.getByTestId('compare-frame');
  await expect(frames).toHaveCount(3);
  // Each frame shows its large preview, rendered by the engine on demand.
  for (let i = 0; i < 3; i++) {
    const image = frames.nth(i).locator('img');
    await expect(image).toHaveAttribute('src', /preview/, INDEXED);
    await expect
      .poll(() => image.evaluate((img) => (img as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
  }

  // The focus starts on the last frame picked; keys rate it, arrows move on.
  await app.page.keyboard.press('3');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.press('1');
  await expect(frames.nth(0).getByTestId('preview-stars')).toHaveAttribute('data-rating', '3');
  await expect(frames.nth(1).getByTestId('preview-stars')).toHaveAttribute('data-rating', '1');
  await app.page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(c.getByTestId('cell-rating')).toHaveText('★★★');
  await expect(a.getByTestId('cell-rating')).toHaveText('★');
  await expect(b.getByTestId('cell-rating')).toHaveCount(0);
});
