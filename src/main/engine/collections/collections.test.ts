// Saved searches and hand-ordered collections through the engine, on real files.
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type Harness } from '../../test-support/engine-harness';

let h: Harness;
let folder: string;
let id: Record<string, number>;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ h, folder, id, dispose } = await startWithPhotos(
    'collections',
    ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'],
    20,
  ));
}, 60_000);

afterAll(() => dispose());

const collection = async (name: string) =>
  (await h.call('collections.list', {})).find((c) => c.name === name);
const listed = async (collectionId: number, extra: { sort?: 'name'; query?: string } = {}) =>
  (await h.call('assets.list', { collectionId, ...extra })).items.map((a) => a.name);

describe('smart collections', () => {
  it('saves a search whose count follows the assets as they are tagged', async () => {
    const events: string[] = [];
    const stop = h.engine.subscribe((name) => events.push(name));
    const saved = await h.call('collections.save', { name: 'Heroes', query: 'tag:Hero' });
    stop();
    expect(events).toContain('collections.changed');
    expect(saved).toMatchObject({ kind: 'smart', query: 'tag:Hero', count: 0 });
    await h.call('tags.apply', { ids: [id['a.jpg'] ?? 0, id['c.jpg'] ?? 0], path: 'Hero' });
    expect((await collection('Heroes'))?.count).toBe(2);
    expect(await listed(saved.id)).toEqual(['a.jpg', 'c.jpg']);
    // What is typed narrows the saved search further.
    expect(await listed(saved.id, { query: 'name:c' })).toEqual(['c.jpg']);
    await h.call('edits.undo', {});
    expect((await collection('Heroes'))?.count).toBe(0);
    await h.call('edits.redo', {});
  });

  it('refuses a query that does not parse, and a second collection of the same name', async () => {
    await expect(
      h.call('collections.save', { name: 'Broken', query: 'red (shoe' }),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: /never closed/ });
    expect(await collection('Broken')).toBeUndefined();
    await expect(
      h.call('collections.save', { name: 'heroes', query: 'rating>=3' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('renames and re-queries a saved search, and deletes it without touching assets', async () => {
    const heroes = await collection('Heroes');
    const renamed = await h.call('collections.save', {
      id: heroes?.id ?? 0,
      name: 'Hero shots',
      query: 'tag:Hero name:a',
    });
    expect(renamed).toMatchObject({ name: 'Hero shots', count: 1 });
    expect(await h.call('collections.delete', { id: renamed.id })).toEqual({ removed: true });
    expect(await h.all()).toHaveLength(4);
    await expect(h.call('assets.list', { collectionId: renamed.id })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('manual collections', () => {
  let board: number;

  it('adds many assets in one undoable step, in the order given', async () => {
    board = (await h.call('collections.save', { name: 'Lookbook' })).id;
    expect((await collection('Lookbook'))?.kind).toBe('manual');
    const added = await h.call('collections.add', {
      id: board,
      assetIds: [id['d.jpg'] ?? 0, id['b.jpg'] ?? 0, id['a.jpg'] ?? 0],
    });
    expect(added).toMatchObject({ changed: 3, step: 'Add 3 assets to Lookbook', canUndo: true });
    expect(await listed(board)).toEqual(['d.jpg', 'b.jpg', 'a.jpg']);
    // An explicit sort still works.
    expect(await listed(board, { sort: 'name' })).toEqual(['a.jpg', 'b.jpg', 'd.jpg']);
    // Adding one already there changes nothing; inserting puts it at the position.
    await h.call('collections.add', {
      id: board,
      assetIds: [id['c.jpg'] ?? 0, id['d.jpg'] ?? 0],
      position: 1,
    });
    expect(await listed(board)).toEqual(['d.jpg', 'c.jpg', 'b.jpg', 'a.jpg']);
    await h.call('edits.undo', {});
    expect(await listed(board)).toEqual(['d.jpg', 'b.jpg', 'a.jpg']);
    expect((await collection('Lookbook'))?.count).toBe(3);
  });

  it('moves an asset to a position and removes assets, each undoable', async () => {
    const moved = await h.call('collections.move', {
      id: board,
      assetId: id['a.jpg'] ?? 0,
      position: 0,
    });
    expect(moved.step).toBe('Reorder Lookbook');
    expect(await listed(board)).toEqual(['a.jpg', 'd.jpg', 'b.jpg']);
    await h.call('collections.remove', { id: board, assetIds: [id['d.jpg'] ?? 0] });
    expect(await listed(board)).toEqual(['a.jpg', 'b.jpg']);
    await h.call('edits.undo', {});
    expect(await listed(board)).toEqual(['a.jpg', 'd.jpg', 'b.jpg']);
    await h.call('edits.undo', {});
    expect(await listed(board)).toEqual(['d.jpg', 'b.jpg', 'a.jpg']);
    await h.call('edits.redo', {});
    expect(await listed(board)).toEqual(['a.jpg', 'd.jpg', 'b.jpg']);
  });

  it('keeps its members and their order when a file moves', async () => {
    await mkdir(join(folder, 'moved'));
    await rename(join(folder, 'd.jpg'), join(folder, 'moved', 'd-renamed.jpg'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect((await h.byName('d-renamed.jpg')).id).toBe(id['d.jpg']);
    expect(await listed(board)).toEqual(['a.jpg', 'd-renamed.jpg', 'b.jpg']);
  });

  it('refuses member edits on a saved search', async () => {
    const smart = await h.call('collections.save', { name: 'Wide', query: 'width>=10' });
    await expect(
      h.call('collections.add', { id: smart.id, assetIds: [id['a.jpg'] ?? 0] }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
