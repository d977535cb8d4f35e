// The undo history is durable: it survives a restart, edits.state reads it, and a step
// holding a kind this build has no handler for fails whole, changing nothing.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type Harness } from '../../test-support/engine-harness';
import { openDatabase } from '../db/open-database';

let h: Harness;
let id: Record<string, number>;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ h, id, dispose } = await startWithPhotos('edit-history', ['a.jpg', 'b.jpg'], 80));
}, 60_000);

afterAll(() => dispose());

const a = () => id['a.jpg'] ?? 0;
const ratingOf = async (assetId: number) => (await h.all()).find((x) => x.id === assetId)?.rating;

describe('the durable undo history', () => {
  it('reports what Undo and Redo would do, and keeps it across a restart', async () => {
    expect(await h.call('edits.state', {})).toEqual({
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    });
    await h.call('assets.edit', { ids: [a()], rating: 2 });
    await h.call('tags.apply', { ids: [a()], path: 'Shoes' });
    await h.call('edits.undo', {});
    const state = {
      canUndo: true,
      canRedo: true,
      undoLabel: 'Rate 2 stars (1 asset)',
      redoLabel: 'Tag Shoes (1 asset)',
    };
    expect(await h.call('edits.state', {})).toEqual(state);

    await h.restart();
    expect(await h.call('edits.state', {})).toEqual(state);
    expect(await h.call('edits.undo', {})).toMatchObject({
      step: 'Rate 2 stars (1 asset)',
      canUndo: false,
    });
    expect(await ratingOf(a())).toBe(0);
    await h.call('edits.redo', {});
    await h.call('edits.redo', {});
    expect(await ratingOf(a())).toBe(2);
    expect((await h.call('tags.list', {})).map((t) => [t.path, t.count])).toEqual([['Shoes', 1]]);
    expect(await h.call('edits.state', {})).toMatchObject({
      canRedo: false,
      undoLabel: 'Tag Shoes (1 asset)',
      redoLabel: null,
    });
  });

  it('fails a step with an unknown kind cleanly: nothing applied, the step stays', async () => {
    // A step as a newer version might write: a known part that would run first, then one
    // this build cannot undo.
    const parts = [
      { kind: 'future.thing', data: { anything: true } },
      {
        kind: 'culling.field',
        data: { field: 'rating', after: 2, before: [{ value: 4, ids: [a()] }] },
      },
    ];
    const db = openDatabase(join(h.dataDir, 'packshot.db'));
    db.prepare("INSERT INTO edit_steps (label, ops, at) VALUES ('From the future', ?, '')").run(
      JSON.stringify(parts),
    );
    db.close();

    await expect(h.call('edits.undo', {})).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/From the future.*future\.thing/) as unknown,
    });
    expect(await ratingOf(a())).toBe(2);
    expect(await h.call('edits.state', {})).toMatchObject({
      canUndo: true,
      undoLabel: 'From the future',
    });
  });
});
