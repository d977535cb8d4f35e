// The offline AI as a user meets it, in Chromium against `packshot serve` (a live engine:
// it queues the AI job after indexing, and the job runs the real models in the built AI
// process): a cup of coffee and a portrait from python3-skimage's photos are analysed
// unasked; the preview shows the cup as a suggested tag, accepting makes it a real tag,
// `ai:cup` finds the photo, and the People view shows the astronaut's face as a group.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import { WelcomePage } from './pages/welcome-page';

const SKIMAGE = [
  process.env.PACKSHOT_SKIMAGE_DATA,
  '/opt/packshot-samples/skimage/usr/lib/python3/dist-packages/skimage/data',
  '/usr/lib/python3/dist-packages/skimage/data',
].find((d): d is string => typeof d === 'string' && existsSync(path.join(d, 'coffee.png')));

// Indexing, then loading the models and analysing two photos, on a loaded 2-core machine.
const ANALYSED = { timeout: 120_000 };

test('analyses new photos unasked; a suggested tag accepted is a real tag; faces group', async ({
  app,
}) => {
  test.skip(
    app.host !== 'browser',
    'the AI process is forked by `serve` here; Electron needs its binary',
  );
  test.skip(SKIMAGE === undefined, 'needs python3-skimage’s sample photos (.ci/run unpacks them)');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'packshot-ai-e2e-'));
  try {
    for (const name of ['coffee.png', 'astronaut.png'])
      await copyFile(path.join(SKIMAGE!, name), path.join(dir, name));
    await app.open();
    await new WelcomePage(app.page, app).addCatalog(dir);
    const grid = new GridPage(app.page);
    await expect(grid.okCells).toHaveCount(2, ANALYSED);

    await grid.cell('coffee.png').click();
    const ai = app.page.getByTestId('preview-ai');
    const cup = ai.getByTestId('ai-suggestion').filter({ hasText: 'Cup' });
    await expect(cup).toHaveCount(1, ANALYSED);
    await expect(ai.getByTestId('ai-people')).toHaveText('No one');
    await ai.getByRole('button', { name: 'Accept tag AI|Object|Cup' }).click();
    await expect(app.page.getByTestId('preview-tag').filter({ hasText: 'Cup' })).toHaveCount(1);
    await expect(cup).toHaveCount(0);

    await app.page.getByTestId('search-input').fill('ai:cup');
    await app.page.getByTestId('search-input').press('Enter');
    await expect(grid.cells).toHaveCount(1);
    await expect(grid.cell('coffee.png')).toHaveCount(1);

    await app.page.getByTestId('section-people').click();
    await expect(app.page.getByTestId('face-group')).toHaveCount(1, ANALYSED);
    await expect(app.page.getByTestId('face-image')).toHaveCount(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
