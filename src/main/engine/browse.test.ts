// Browsing the index: folders with counts, sorting, filters, and the loupe preview.
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-support/engine-harness';
import { makeImage, tempDir } from '../test-support/sample-images';

let h: Harness;
let folder: string;
let catalogId: number;

beforeAll(async () => {
  folder = await tempDir('browse');
  await mkdir(join(folder, 'shoes', 'red'), { recursive: true });
  await mkdir(join(folder, 'bags'));
  await writeFile(join(folder, 'cover.jpg'), await makeImage(3000, 2000, 'jpeg', 1));
  await writeFile(join(folder, 'shoes', 'a.png'), await makeImage(100, 100, 'png', 2));
  await writeFile(join(folder, 'shoes', 'red', 'b.jpg'), await makeImage(200, 100, 'jpeg', 3));
  await writeFile(join(folder, 'shoes', 'red', 'c.jpg'), await makeImage(300, 100, 'jpeg', 4));
  await writeFile(join(folder, 'bags', 'd.webp'), await makeImage(50, 50, 'webp', 5));
  await writeFile(join(folder, 'bags', 'broken.jpg'), 'not a photo');
  await utimes(join(folder, 'cover.jpg'), new Date(), new Date());
  h = await startHarness();
  catalogId = (await h.call('catalogs.add', { path: folder })).id;
  await h.call('jobs.wait', {});
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('browsing', () => {
  it('lists folders with counts that include their subfolders', async () => {
    const folders = await h.call('folders.list', { catalogId });
    expect(folders.map((f) => [f.path, f.count])).toEqual([
      ['', 6],
      ['bags', 2],
      ['shoes', 3],
      ['shoes/red', 2],
    ]);
  });

  it('filters by folder (and below), format and state', async () => {
    const names = async (args: Parameters<Harness['call']>[1]) =>
      (await h.call('assets.list', { catalogId, ...(args as object) })).items.map((a) => a.name);
    expect(await names({ folder: 'shoes' })).toEqual(['a.png', 'b.jpg', 'c.jpg']);
    expect(await names({ folder: 'shoes/red' })).toEqual(['b.jpg', 'c.jpg']);
    expect(await names({ formats: ['png', 'webp'] })).toEqual(['a.png', 'd.webp']);
    expect(await names({ filter: 'errors' })).toEqual(['broken.jpg']);
  });

  it('sorts by size, largest first', async () => {
    const items = (await h.call('assets.list', { catalogId, sort: 'size' })).items;
    expect(items.map((a) => a.bytes)).toEqual([...items.map((a) => a.bytes)].sort((a, b) => b - a));
    expect(items[0]?.name).toBe('cover.jpg');
  });

  it('renders a loupe preview of about 2048 px on demand, once', async () => {
    const cover = await h.byName('cover.jpg');
    const first = await h.call('previews.ensure', { id: cover.id });
    expect(first).toMatchObject({ id: cover.id, hash: cover.hash, reason: null });
    const file = h.engine.resolveMedia('preview', cover.hash ?? '');
    const meta = await sharp(file ?? '').metadata();
    expect([meta.width, meta.height]).toEqual([2048, 1365]);
    await h.call('previews.ensure', { id: cover.id });
    const broken = await h.byName('broken.jpg');
    expect((await h.call('previews.ensure', { id: broken.id })).hash).toBeNull();
  });
});
