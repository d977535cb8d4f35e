// Channel packs end to end, against the real engine: presets (edit, version, revert),
// pre-flight by product × channel, an export written to disk and re-run incrementally, and
// the focal point set in the loupe. Products are seeded into the database (the products UI
// is built elsewhere).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ExportPage } from './pages/export-page';
import { GridPage } from './pages/grid-page';
import { LoupePage } from './pages/loupe-page';
import { WelcomePage } from './pages/welcome-page';
import { seedProductsByFileName } from './support/seed-products';

// Indexing and thumbnailing 15 files on a 2-core machine.
const INDEXED = { timeout: 60_000 };
const RENDERED = { timeout: 60_000 };

const SHOE_MAIN = 'photo-05-1920x1080.jpg';
const SHOE_SIDE = 'photo-02-800x600.jpg';
const BAG_MAIN = 'photo-10-320x240.png';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

test.describe('channel packs', () => {
  let out: string;
  test.beforeEach(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'packshot-e2e-pack-'));
  });
  test.afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  test('presets, pre-flight, an incremental export, and a focal point', async ({
    app,
    images,
    dataDir,
  }) => {
    const { page } = app;
    await app.open();
    await new WelcomePage(page, app).addCatalog(images.dir);
    const grid = new GridPage(page);
    await expect(grid.okCells).toHaveCount(images.good.length, INDEXED);
    seedProductsByFileName(dataDir, [
      {
        sku: 'SHOE-1',
        name: 'Red shoe',
        links: [
          { file: SHOE_MAIN, role: 'main' },
          { file: SHOE_SIDE, role: 'gallery' },
        ],
      },
      { sku: 'BAG-2', name: 'Small bag', links: [{ file: BAG_MAIN, role: 'main' }] },
    ]);

    // Presets: built-in ones are marked with their source and date; a save shows the new
    // version, and "Revert to built-in" drops the edit.
    const pack = new ExportPage(page);
    await pack.open();
    await expect(pack.preset('amazon-main')).toContainText('Built-in');
    await expect(pack.preset('amazon-main')).toContainText(/checked \d{4}-\d{2}-\d{2}/);
    await pack.preset('shopify').click();
    const quality = pack.panel.getByTestId('rendition-quality');
    await quality.fill('101');
    await pack.panel.getByTestId('preset-save').click();
    await expect(pack.panel.getByTestId('preset-message')).toHaveText(/Fix the problem/);
    await quality.fill('80');
    await pack.panel.getByTestId('preset-save').click();
    await expect(pack.panel.getByTestId('preset-message')).toContainText(/Saved as version \d+/);
    await expect(pack.preset('shopify')).toContainText('Built-in, edited');
    await pack.panel.getByTestId('preset-remove').click();
    await pack.panel.getByTestId('preset-remove-confirm').click();
    await expect(pack.preset('shopify')).not.toContainText('edited');

    // Pre-flight for Amazon: by product × channel; the 320 px bag fails, with its reasons.
    await pack.tab('preflight');
    await pack.panel.getByTestId('channel-amazon').check();
    await pack.panel.getByTestId('preflight-run').click();
    await expect(pack.panel.getByTestId('preflight-counts')).toContainText('2 products');
    await expect(pack.group('SHOE-1', 'amazon')).toBeVisible();
    await expect(pack.group('BAG-2', 'amazon')).toHaveAttribute('data-level', 'fail');
    await expect(pack.group('BAG-2', 'amazon').getByTestId('preflight-reason').first()).toHaveText(
      /\S/,
    );
    await pack.panel.getByTestId('preflight-failures-only').check();
    const shown = pack.panel.getByTestId('preflight-item');
    await expect(shown.first()).toBeVisible();
    for (const level of await shown.evaluateAll((els) =>
      els.map((el) => (el as unknown as { dataset: { level: string } }).dataset.level),
    ))
      expect(level).toBe('fail');

    // Export for Shopify into a fresh folder: the summary's counts match the files.
    await pack.tab('export');
    await pack.panel.getByTestId('channel-amazon').uncheck();
    await pack.panel.getByTestId('channel-preset-shopify').check();
    await pack.panel.getByTestId('export-out').fill(out);
    await pack.panel.getByTestId('export-start').click();
    await expect(pack.summary).toBeVisible(RENDERED);
    await expect(pack.panel.getByTestId('export-ending')).toHaveText('Export finished');
    const written = Number(await pack.count('rendered').textContent());
    expect(written).toBe(3);
    const files = await filesUnder(out);
    const images3 = files.filter((f) => f.endsWith('.jpg'));
    expect(images3).toHaveLength(3);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      files: { sku: string }[];
    };
    expect(manifest.files.map((f) => f.sku).sort()).toEqual(['BAG-2', 'SHOE-1', 'SHOE-1']);

    // The same export again writes nothing: every file is unchanged.
    await pack.panel.getByTestId('export-again').click();
    await expect(pack.panel.getByTestId('export-out')).toHaveValue(out);
    await pack.panel.getByTestId('export-start').click();
    await expect(pack.summary).toBeVisible(RENDERED);
    await expect(pack.count('rendered')).toHaveText('0');
    await expect(pack.count('unchanged')).toHaveText('3');

    // Focal point: set in the loupe's "Set focal point" mode, kept by the engine.
    await page.getByTestId('section-library').click();
    await grid.cell(SHOE_MAIN).click();
    await page.keyboard.press(' ');
    const loupe = new LoupePage(page);
    await expect(loupe.root).toBeVisible();
    await page.getByTestId('focus-mode').click();
    const layer = await page.getByTestId('focus-layer').boundingBox();
    if (layer === null) throw new Error('no focus layer');
    // 1920 × 1080 contained in the layer: click a quarter across and half down the picture.
    const scale = Math.min(layer.width / 1920, layer.height / 1080);
    const [w, h] = [1920 * scale, 1080 * scale];
    await page.mouse.click(
      layer.x + (layer.width - w) / 2 + w * 0.25,
      layer.y + (layer.height - h) / 2 + h * 0.5,
    );
    await expect(page.getByTestId('focus-marker')).toHaveAttribute(
      'aria-label',
      'Focal point at 25 %, 50 %',
    );
    await expect(loupe.root).toHaveAttribute('data-zoom', 'fit');

    await page.reload();
    await grid.cell(SHOE_MAIN).click();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('focus-marker')).toHaveAttribute(
      'aria-label',
      'Focal point at 25 %, 50 %',
    );
  });
});
