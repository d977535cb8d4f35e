// Identity is content, not path: moves and renames keep the asset, copies are flagged,
// new content at a path is a new version, a deleted file is kept as missing.
import { copyFile, mkdir, rename, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-support/engine-harness';
import { makeImage, tempDir } from '../test-support/sample-images';

let h: Harness;
let folder: string;
let other: string;

beforeEach(async () => {
  folder = await tempDir('identity');
  other = await tempDir('identity-other');
  await writeFile(join(folder, 'front.jpg'), await makeImage(400, 300, 'jpeg', 1));
  await writeFile(join(folder, 'back.png'), await makeImage(200, 100, 'png', 2));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
});

afterEach(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
  await rm(other, { recursive: true, force: true });
});

describe('identity that survives moves', () => {
  it('keeps the id of a file renamed and moved into a subfolder while Packshot was closed', async () => {
    const before = await h.byName('front.jpg');
    await h.engine.close();
    await mkdir(join(folder, 'shoot-2'));
    await rename(join(folder, 'front.jpg'), join(folder, 'shoot-2', 'front-renamed.jpg'));
    await h.restart();
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const after = await h.byName('front-renamed.jpg');
    expect(after.id).toBe(before.id);
    expect(after).toMatchObject({
      folder: 'shoot-2',
      state: 'ok',
      addedAt: before.addedAt,
      versions: 1,
    });
    expect((await h.all()).map((a) => a.name).sort()).toEqual(['back.png', 'front-renamed.jpg']);
    expect(await h.all('missing')).toEqual([]);
  });

  it('keeps the id of a file moved to another catalog', async () => {
    const before = await h.byName('back.png');
    const second = await h.call('catalogs.add', { path: other });
    await h.call('jobs.wait', {});
    await rename(join(folder, 'back.png'), join(other, 'back.png'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const after = await h.byName('back.png');
    expect(after.id).toBe(before.id);
    expect(after.catalogId).toBe(second.id);
  });

  it('flags a copy as a duplicate of the first, and keeps both', async () => {
    const original = await h.byName('front.jpg');
    await copyFile(join(folder, 'front.jpg'), join(folder, 'front copy.jpg'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const copy = await h.byName('front copy.jpg');
    expect(copy.id).not.toBe(original.id);
    expect(copy.duplicateOf).toBe(original.id);
    expect((await h.byName('front.jpg')).duplicateOf).toBeNull();
    // Same pixels, same facts: the copy takes them from the original instead of decoding.
    expect(copy.placeholder).toBe(original.placeholder);
    expect(copy.analysis).toEqual(original.analysis);
    expect(copy.analysis).not.toBeNull();
    const dupes = await h.call('assets.list', { filter: 'duplicates' });
    expect(dupes.items.map((a) => a.name).sort()).toEqual(['front copy.jpg', 'front.jpg']);
  });

  it('flags one of two copies indexed side by side in the same scan', async () => {
    const bytes = await makeImage(300, 300, 'jpeg', 9);
    for (const name of ['twin-a.jpg', 'twin-b.jpg', 'twin-c.jpg'])
      await writeFile(join(folder, name), bytes);
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const twins = (await h.all()).filter((a) => a.name.startsWith('twin-'));
    const originals = twins.filter((a) => a.duplicateOf === null);
    expect(originals).toHaveLength(1);
    for (const copy of twins.filter((a) => a.duplicateOf !== null))
      expect(copy.duplicateOf).toBe(originals[0]?.id);
  });

  it('records new content at the same path as a new version of the same asset', async () => {
    const before = await h.byName('front.jpg');
    const path = join(folder, 'front.jpg');
    await writeFile(path, await makeImage(800, 600, 'jpeg', 3));
    await utimes(path, new Date(), new Date(Date.now() + 10_000));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const after = await h.call('assets.get', { id: before.id });
    expect(after).toMatchObject({ id: before.id, width: 800, height: 600, versions: 2 });
    expect(after.history.map((v) => [v.width, v.height])).toEqual([
      [400, 300],
      [800, 600],
    ]);
    expect(after.history[0]?.hash).toBe(before.hash);
    expect(after.hash).not.toBe(before.hash);
  });

  it('keeps a deleted file as missing and restores it, same id, when it comes back', async () => {
    const before = await h.byName('back.png');
    const saved = join(other, 'saved.png');
    await copyFile(join(folder, 'back.png'), saved);
    await unlink(join(folder, 'back.png'));
    await h.call('catalogs.scan', {});
    expect((await h.call('assets.get', { id: before.id })).state).toBe('missing');
    expect((await h.all('missing')).map((a) => a.id)).toEqual([before.id]);

    await copyFile(saved, join(folder, 'back.png'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect(await h.call('assets.get', { id: before.id })).toMatchObject({
      state: 'ok',
      versions: 1,
    });
  });
});
