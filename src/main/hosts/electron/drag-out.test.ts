// The drag-out resolver on a real engine: only a registered asset's own file is handed to
// the OS drag, whatever the page sends.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { resolveDragItem } from './drag-out';

let harness: Harness;
let folder: string;

beforeAll(async () => {
  harness = await startHarness();
  folder = await tempDir('drag-out');
  await writeFile(join(folder, 'front.jpg'), await makeImage(300, 200, 'jpeg', 1));
  await writeFile(join(folder, 'gone.jpg'), await makeImage(300, 200, 'jpeg', 2));
  await harness.call('catalogs.add', { path: folder });
  await harness.call('jobs.wait', {});
});

afterAll(async () => {
  await harness.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('resolveDragItem', () => {
  it('gives the registered file of an asset and its thumbnail as the drag icon', async () => {
    const asset = await harness.byName('front.jpg');
    const item = await resolveDragItem(harness.engine, asset.id);
    expect(item).toEqual({
      file: join(folder, 'front.jpg'),
      icon: harness.engine.resolveMedia('thumb', asset.hash!),
    });
    expect(item?.icon).toMatch(/thumb/);
  });

  it('refuses anything but a positive integer id, and ids of no asset', async () => {
    for (const hostile of ['/etc/passwd', { id: 1 }, -1, 0, 1.5, null, undefined, 'front.jpg']) {
      expect(await resolveDragItem(harness.engine, hostile), JSON.stringify(hostile)).toBeNull();
    }
    expect(await resolveDragItem(harness.engine, 999_999)).toBeNull();
  });

  it('has nothing to drag once the file is gone from disk', async () => {
    const asset = await harness.byName('gone.jpg');
    await rm(join(folder, 'gone.jpg'));
    expect(await resolveDragItem(harness.engine, asset.id)).toBeNull();
  });
});
