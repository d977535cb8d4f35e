import { describe, expect, it } from 'vitest';
import type { EditResult, EditState } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { deferred, FakeTransport, settle } from '../test-support/fake-transport';
import { createEditsStore } from './edits-store';
import { createNoticesStore } from './notices-store';

const step = (label: string | null, canUndo: boolean, canRedo: boolean): EditResult => ({
  changed: label === null ? 0 : 1,
  step: label,
  canUndo,
  canRedo,
});

function setup() {
  const transport = new FakeTransport();
  const notices = createNoticesStore();
  const store = createEditsStore(new Client(transport), notices);
  return { transport, notices, store };
}

describe('edits store', () => {
  it('sends ids to assets.edit / tags.apply and a query to editQuery / applyQuery', async () => {
    const { transport, store } = setup();
    transport
      .handle('assets.edit', () => step('Rate', true, false))
      .handle('assets.editQuery', () => step('Rate all', true, false))
      .handle('tags.apply', () => step('Tag', true, false))
      .handle('tags.applyQuery', () => step('Tag all', true, false))
      .handle('tags.remove', () => step('Untag', true, false));
    await store.getState().cull({ kind: 'ids', ids: [1, 2] }, { rating: 3 });
    await store.getState().cull({ kind: 'query', query: 'x' }, { flag: 'pick' });
    await store.getState().tag({ kind: 'ids', ids: [4] }, 'A|B');
    await store.getState().tag({ kind: 'query', query: 'y' }, 'A|B');
    await store.getState().untag({ kind: 'ids', ids: [4] }, { id: 9, path: 'A|B' });
    await store.getState().untag({ kind: 'query', query: 'y' }, { id: 9, path: 'A|B' });
    expect(transport.calls.map((c) => [c.method, c.args])).toEqual([
      ['assets.edit', { ids: [1, 2], rating: 3 }],
      ['assets.editQuery', { query: 'x', flag: 'pick' }],
      ['tags.apply', { ids: [4], path: 'A|B' }],
      ['tags.applyQuery', { query: 'y', path: 'A|B', remove: false }],
      ['tags.remove', { ids: [4], tagId: 9 }],
      ['tags.applyQuery', { query: 'y', path: 'A|B', remove: true }],
    ]);
  });

  it('keeps the labels of the steps to undo and redo, as the engine moves through them', async () => {
    const { transport, store } = setup();
    const labels = () => [store.getState().undoLabel, store.getState().redoLabel];
    expect(store.getState().canUndo).toBeNull();
    transport.handle('assets.edit', ({ rating }) => step(`Rate ${rating}`, true, false));
    await store.getState().cull({ kind: 'ids', ids: [1] }, { rating: 1 });
    await store.getState().cull({ kind: 'ids', ids: [1] }, { rating: 2 });
    expect(labels()).toEqual(['Rate 2', null]);

    transport.handle('edits.undo', () => step('Rate 2', true, true));
    await store.getState().undo();
    expect(labels()).toEqual(['Rate 1', 'Rate 2']);
    expect(store.getState().toast?.text).toBe('Undone: Rate 2');

    transport.handle('edits.redo', () => step('Rate 2', true, false));
    await store.getState().redo();
    expect(labels()).toEqual(['Rate 2', null]);
    expect(store.getState().toast?.text).toBe('Redone: Rate 2');

    // A step from before this session: its label is the engine's, the one below unknown.
    transport.handle('edits.undo', () => step('Old step', true, true));
    await store.getState().undo();
    await store.getState().undo();
    expect(labels()).toEqual([null, 'Old step']);
  });

  it('reports a failed edit and keeps what it knew', async () => {
    const { transport, store, notices } = setup();
    transport.handle('assets.edit', () => {
      throw new PackshotError('not_found', 'No asset 1');
    });
    expect(await store.getState().cull({ kind: 'ids', ids: [1] }, { rating: 2 })).toBeNull();
    // A rating the engine's schema refuses is reported the same way.
    expect(await store.getState().cull({ kind: 'ids', ids: [1] }, { rating: 9 })).toBeNull();
    await settle();
    expect(notices.getState().notices.map((n) => [n.title, n.message])).toEqual([
      ['Could not change the selection', 'No asset 1'],
      ['Could not change the selection', 'assets.edit: rating: Too big: expected number to be <=5'],
    ]);
    expect(transport.takeRefused().map((r) => r.method)).toEqual(['assets.edit']);
  });

  it('learns the stored history (after a restart) and undoes from it with its labels', async () => {
    const { transport, store } = setup();
    const labels = () => [store.getState().undoLabel, store.getState().redoLabel];
    transport.handle('edits.state', () => ({
      canUndo: true,
      canRedo: true,
      undoLabel: 'Delete product SNK',
      redoLabel: 'Tag Shoes',
    }));
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ canUndo: true, canRedo: true });
    expect(labels()).toEqual(['Delete product SNK', 'Tag Shoes']);

    // The step below the last one is asked for when this session does not know it.
    transport.handle('edits.undo', () => step('Delete product SNK', true, true));
    transport.handle('edits.state', () => ({
      canUndo: true,
      canRedo: true,
      undoLabel: 'Rate 3',
      redoLabel: 'Delete product SNK',
    }));
    await store.getState().undo();
    await settle();
    expect(labels()).toEqual(['Rate 3', 'Delete product SNK']);
    expect(transport.callsOf('edits.state')).toHaveLength(2);
  });

  it('lets an edit win over a slower answer about the history', async () => {
    const { transport, store } = setup();
    const answer = deferred<EditState>();
    transport
      .handle('edits.state', () => answer.promise)
      .handle('assets.edit', () => step('Rate 5', true, false));
    const refreshing = store.getState().refresh();
    await store.getState().cull({ kind: 'ids', ids: [1] }, { rating: 5 });
    answer.resolve({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    await refreshing;
    expect(store.getState()).toMatchObject({ canUndo: true, undoLabel: 'Rate 5' });
  });
});
