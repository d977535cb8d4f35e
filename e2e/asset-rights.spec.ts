// Rights end to end, against the real engine: a licence set on an image through the preview
// panel shows as the grid's badge; a preset that requires approval makes pre-flight block
// the image with the reason and the export write nothing; approved in the panel, the same
// export writes the file.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ExportPage } from './pages/export-page';
import { GridPage } from './pages/grid-page';
import { RightsSection } from './pages/rights-section';
import { WelcomePage } from './pages/welcome-page';
import { seedPreset } from './support/seed-preset';
import { seedProductsByFileName } from './support/seed-products';

const INDEXED = { timeout: 60_000 };
const RENDERED = { timeout: 60_000 };
const IMAGE = 'photo-05-1920x1080.jpg';
const PRESET = 'approved-web';

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe('rights', () => {
  let out: string;
  test.beforeEach(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'packshot-e2e-rights-'));
  });
  test.afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  test('licence → badge → pre-flight blocks unapproved → approve → export', async ({
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
      { sku: 'SHOE-1', name: 'Red shoe', links: [{ file: IMAGE, role: 'main' }] },
    ]);
    seedPreset(dataDir, PRESET, { name: 'Approved web', channel: 'web', requireApproval: true });

    // A licence ending in 10 days, set through the panel: the cell says it ends soon.
    await grid.cell(IMAGE).click();
    const rights = new RightsSection(page);
    await rights.newLicence({
      name: 'Spring shoot',
      licensor: 'Studio Ann',
      type: 'royalty-free',
      endsOn: daysFromNow(10),
    });
    await expect(rights.root.getByTestId('rights-licence')).toContainText('Spring shoot');
    const badge = grid.cell(IMAGE).getByTestId('cell-badge-rights');
    await expect(badge).toHaveAttribute('data-flag', 'warn');
    await expect(badge).toHaveAttribute('aria-label', /ends within its warning window/);
    await expect(rights.approvalState).toHaveText('Draft');

    // Pre-flight: the preset requires approval, so the image is blocked, with the reason.
    const pack = new ExportPage(page);
    await pack.open();
    await pack.tab('preflight');
    await pack.panel.getByTestId(`channel-preset-${PRESET}`).check();
    await pack.panel.getByTestId('preflight-run').click();
    const group = pack.group('SHOE-1', 'web');
    await expect(group).toHaveAttribute('data-level', 'fail');
    const reasons = group.getByTestId('preflight-reason');
    await expect(reasons.filter({ hasText: /not approved/ })).toHaveCount(1);
    // The licence's own warning is listed too (it does not block).
    await expect(reasons.filter({ hasText: /Spring shoot/ })).toHaveCount(1);

    // The export writes nothing for it, and says why.
    await pack.tab('export');
    await pack.panel.getByTestId('export-out').fill(out);
    await pack.panel.getByTestId('export-start').click();
    await expect(pack.summary).toBeVisible(RENDERED);
    await expect(pack.count('rendered')).toHaveText('0');
    await expect(pack.summary.getByTestId('export-errors')).toContainText(/not approved/);
    expect((await readdir(out, { recursive: true })).filter((f) => f.endsWith('.jpg'))).toEqual([]);

    // Approved in the panel: the cell shows it, and the same export writes the file.
    await page.getByTestId('section-library').click();
    await grid.cell(IMAGE).click();
    await rights.decide('approved', 'Cleared for the web shop');
    await expect(rights.approvalState).toHaveText('Approved');
    await expect(grid.cell(IMAGE).getByTestId('cell-badge-approval')).toHaveAttribute(
      'data-approval',
      'approved',
    );
    await expect(rights.root.getByTestId('rights-decisions')).toContainText(
      'Cleared for the web shop',
    );

    await pack.open();
    await pack.tab('export');
    // The last run's summary may still be up: back to the form.
    const again = pack.panel.getByTestId('export-again');
    if (await again.isVisible()) await again.click();
    await pack.panel.getByTestId('export-out').fill(out);
    await pack.panel.getByTestId('export-start').click();
    await expect(pack.summary).toBeVisible(RENDERED);
    await expect(pack.panel.getByTestId('export-ending')).toHaveText('Export finished');
    await expect(pack.count('rendered')).toHaveText('1');
    const written = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.jpg'));
    expect(written).toEqual([path.join('web', 'SHOE-1', 'SHOE-1-1.jpg')]);
  });
});
