// Culling edits through the engine: batch edits are one undoable step each.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let folder: string;
let ids: number[];

beforeAll(async () => {
  folder = await tempDir('culling');
  for (let i = 0; i < 6; i++)
    await writeFile(join(folder, `frame-${i}.jpg`), await makeImage(64, 48, 'jpeg', i));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  ids = (await h.all()).map((a) => a.id);
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function state(): Promise<string[]> {
  return (await h.all()).map((a) => `${a.name}:${a.rating}:${a.flag}:${a.label ?? '-'}`);
}

describe('culling edits', () => {
  it('rates, flags and labels, undoes and redoes each batch as one step', async () => {
    const [a = 0, b = 0, c = 0] = ids;
    const initial = await state();
    const rated = await h.call('assets.edit', { ids: [a, b], rating: 4 });
    expect(rated).toEqual({
      changed: 2,
      step: 'Rate 4 stars (2 assets)',
      canUndo: true,
      canRedo: false,
    });
    await h.call('assets.edit', { ids: [b, c], flag: 'pick', label: 'red' });
    const afterBoth = await state();
    expect(afterBoth.slice(0, 3)).toEqual([
      'frame-0.jpg:4:none:-',
      'frame-1.jpg:4:pick:red',
      'frame-2.jpg:0:pick:red',
    ]);

    const undone = await h.call('edits.undo', {});
    expect(undone).toMatchObject({
      step: 'Pick, Label red (2 assets)',
      canUndo: true,
      canRedo: true,
    });
    expect((await state()).slice(0, 3)).toEqual([
      'frame-0.jpg:4:none:-',
      'frame-1.jpg:4:none:-',
      'frame-2.jpg:0:none:-',
    ]);
    await h.call('edits.undo', {});
    expect(await state()).toEqual(initial);
    expect((await h.call('edits.undo', {})).step).toBeNull();

    await h.call('edits.redo', {});
    await h.call('edits.redo', {});
    expect(await state()).toEqual(afterBoth);
  });

  it('undoes a batch to each asset’s own earlier value', async () => {
    const [a = 0, b = 0] = ids;
    await h.call('assets.edit', { ids: [a], rating: 2 });
    await h.call('assets.edit', { ids: [b], rating: 5 });
    await h.call('assets.edit', { ids, rating: 1 });
    await h.call('edits.undo', {});
    const byId = new Map((await h.all()).map((x) => [x.id, x.rating]));
    expect([byId.get(a), byId.get(b)]).toEqual([2, 5]);
  });

  it('drops the redo history when a new edit follows an undo', async () => {
    await h.call('assets.edit', { ids: [ids[0] ?? 0], label: 'blue' });
    await h.call('edits.undo', {});
    const fresh = await h.call('assets.edit', { ids: [ids[1] ?? 0], label: 'green' });
    expect(fresh.canRedo).toBe(false);
  });

  it('edits by query and searches by rating, flag and label', async () => {
    const result = await h.call('assets.editQuery', {
      query: 'name:frame-5',
      rating: 3,
      flag: 'reject',
    });
    expect(result.changed).toBe(1);
    const found = await h.call('assets.list', { query: 'rating>=3 flag:reject' });
    expect(found.items.map((x) => x.name)).toEqual(['frame-5.jpg']);
    expect(
      (await h.call('assets.list', { query: 'label:green' })).items.map((x) => x.name),
    ).toEqual(['frame-1.jpg']);
  });

  it('refuses an edit that changes nothing it can name', async () => {
    await expect(h.call('assets.edit', { ids: [1] })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(h.call('assets.edit', { ids: [1], rating: 7 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});
