// The 3D loupe in Chromium against the real engine: a textured GLB (its texture read by
// three.js through a blob: URL, under the bridge's CSP) and a .gltf with external files
// (packed by the engine) load in model-viewer, with no CSP violation on the way.
// Run twice while building it: the first found the CSP refusing WebAssembly (three.js's
// meshopt decoder compiles at import), the second model-viewer's shadow <style> (now
// allowed by its hash) and the model drawn, textured, while the loupe's own ready flag
// stayed at loading (its listener is now a callback ref; checked in jsdom only).
import { copyFile, cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import { WelcomePage } from './pages/welcome-page';

const ASSIMP = '/usr/share/assimp/models/glTF2';
const HAS_MODELS = existsSync(path.join(ASSIMP, 'BoxTextured-glTF-Binary/BoxTextured.glb'));

test('a GLB and a .gltf open in the 3D viewer (needs assimp-testmodels)', async ({
  app,
  images,
}) => {
  test.skip(!HAS_MODELS, 'assimp-testmodels is not installed');
  test.setTimeout(300_000); // two models drawn by software WebGL
  await copyFile(
    path.join(ASSIMP, 'BoxTextured-glTF-Binary/BoxTextured.glb'),
    path.join(images.dir, 'box.glb'),
  );
  await cp(path.join(ASSIMP, 'BoxTextured-glTF'), path.join(images.dir, 'external'), {
    recursive: true,
  });
  const violations: string[] = [];
  app.page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await app.open();
  await new WelcomePage(app.page, app).addCatalog(images.dir);
  const grid = new GridPage(app.page);
  for (const name of ['box.glb', 'BoxTextured.gltf']) {
    const cell = grid.cell(name);
    await expect(cell).toHaveAttribute('data-state', 'ok', { timeout: 60_000 });
    await cell.click();
    await app.page.keyboard.press(' ');
    // model-viewer's own word that the model is in its scene (software WebGL is slow here).
    const viewer = app.page.getByTestId('model-viewer');
    // Software WebGL on a busy 2-core machine can hold the page's thread for a while: a
    // question that times out is asked again, within the poll's own limit.
    const loaded = (): Promise<boolean> =>
      viewer
        .evaluate((el: unknown) => (el as { loaded?: boolean }).loaded === true)
        .catch(() => false);
    await expect.poll(loaded, { timeout: 120_000 }).toBe(true);
    await app.page.keyboard.press('Escape');
  }
  expect(violations).toEqual([]);
});
