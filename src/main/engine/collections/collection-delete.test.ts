// Deleting a collection is one undo step: undo brings it back with its id and its members
// in their order (a smart one with its query); redo deletes it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type Harness } from '../../test-support/engine-harness';

let h: Harness;
let id: Record<string, number>;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ h, id, dispose } = await startWithPhotos(
    'collection-delete',
    ['a.jpg', 'b.jpg', 'c.jpg'],
    60,
  ));
}, 60_000);

afterAll(() => dispose());

const members = async (collectionId: number) =>
  (await h.call('assets.list', { collectionId })).items.map((a) => a.name);
const names = async () => (await h.call('collections.list', {})).map((c) => `${c.id}:${c.name}`);

describe('deleting a collection', () => {
  it('undoes to the same id and members in order; redo deletes again', async () => {
    const picks = await h.call('collections.save', { name: 'Picks' });
    await h.call('collections.add', { id: picks.id, assetIds: [id['c.jpg'] ?? 0] });
    await h.call('collections.add', { id: picks.id, assetIds: [id['a.jpg'] ?? 0], position: 0 });
    await h.call('collections.add', { id: picks.id, assetIds: [id['b.jpg'] ?? 0], position: 1 });
    expect(await members(picks.id)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    const listed = await names();

    const events: string[] = [];
    const stop = h.engine.subscribe((name) => events.push(name));
    expect(await h.call('collections.delete', { id: picks.id })).toEqual({ removed: true });
    expect(await names()).toEqual([]);
    const undone = await h.call('edits.undo', {});
    stop();
    expect(undone).toMatchObject({ step: 'Delete collection Picks', canRedo: true });
    expect(events.filter((e) => e === 'collections.changed')).toHaveLength(2);
    expect(await names()).toEqual(listed);
    expect(await members(picks.id)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);

    await h.call('edits.redo', {});
    expect(await names()).toEqual([]);
    // The member steps before the delete still undo after it is undone.
    await h.call('edits.undo', {});
    await h.call('edits.undo', {});
    expect(await members(picks.id)).toEqual(['a.jpg', 'c.jpg']);
  });

  it('brings back a saved search with its query', async () => {
    const smart = await h.call('collections.save', { name: 'Wide', query: 'width>=10' });
    await h.call('collections.delete', { id: smart.id });
    await h.call('edits.undo', {});
    expect((await h.call('collections.list', {})).find((c) => c.id === smart.id)).toMatchObject({
      name: 'Wide',
      kind: 'smart',
      query: 'width>=10',
      count: 3,
    });
  });
});
