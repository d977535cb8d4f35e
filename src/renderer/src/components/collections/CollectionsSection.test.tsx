// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../shared/collection-dto';
import type { MethodArgs } from '../../../../shared/contract';
import { PackshotError } from '../../../../shared/errors';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeCatalog, type FakeTransport } from '../../test-support/fake-transport';
import { button, click, setValue, submit } from '../../test-support/form-events';
import { byTestId, flush } from '../../test-support/render';
import { CollectionActions } from './CollectionActions';
import { CollectionsSection } from './CollectionsSection';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const smart = (count: number): Collection => ({
  id: 1,
  name: 'Heroes',
  kind: 'smart',
  query: 'tag:Hero',
  count,
  createdAt: '2026-01-01T00:00:00Z',
});
const board: Collection = { ...smart(3), id: 2, name: 'Lookbook', kind: 'manual', query: null };

function engine(collections: () => Collection[]): FakeTransport {
  const transport = fakeEngine({ catalogs: [makeCatalog(1)], total: 3 });
  const edit = { changed: 1, step: 'x', canUndo: true, canRedo: false };
  return transport
    .handle('collections.list', () => collections())
    .handle('collections.add', () => edit)
    .handle('collections.move', () => edit)
    .handle('collections.remove', () => edit)
    .handle('collections.delete', () => ({ removed: true }));
}

async function start(transport: FakeTransport) {
  harness = await startUi(
    <>
      <CollectionsSection />
      <CollectionActions />
    </>,
    transport,
  );
  harness.stores.assets.getState().ensureRange(0, 0);
  await flush();
  return harness;
}

const rows = (root: HTMLElement) => byTestId(root, 'collection-item').map((b) => b.textContent);
const lastList = (t: FakeTransport) =>
  (t.callsOf('assets.list') as MethodArgs<'assets.list'>[]).at(-1);

describe('collections in the sidebar', () => {
  it('lists saved searches, then manual collections, with counts that follow the assets', async () => {
    let heroes = 2;
    const transport = engine(() => [board, smart(heroes)]);
    const { root } = await start(transport);
    expect(rows(root)).toEqual(['Heroes2', 'Lookbook3']);
    heroes = 5;
    act(() => transport.emit('tags.changed', {}));
    await flush();
    expect(rows(root)).toEqual(['Heroes5', 'Lookbook3']);
  });

  it('shows a collection in the grid: a manual one in its own order', async () => {
    const transport = engine(() => [smart(2), board]);
    const { root, stores } = await start(transport);
    await click(root.querySelector('[data-collection-id="2"]'));
    expect(stores.assets.getState().view.collection).toEqual({ id: 2, manual: true });
    expect(lastList(transport)).toEqual({
      offset: 0,
      limit: 500,
      keywords: false,
      collectionId: 2,
    });
    await click(root.querySelector('[data-collection-id="1"]'));
    expect(lastList(transport)).toMatchObject({ collectionId: 1, sort: 'name' });
    expect(root.querySelector('[data-collection-id="1"]')?.getAttribute('aria-current')).toBe(
      'true',
    );
  });

  it('creates a manual collection by name and shows the engine’s refusal inline', async () => {
    const made: string[] = [];
    const transport = engine(() => []).handle('collections.save', ({ name, query }) => {
      if (name === 'Taken') throw new PackshotError('conflict', 'There is already one');
      made.push(`${name}:${query ?? 'manual'}`);
      return { ...board, id: 9, name };
    });
    const { root, stores } = await start(transport);
    await click(button(root, 'New collection'));
    setValue(root.querySelector('input[aria-label="Name of the new collection"]'), 'Taken');
    await submit(root.querySelector('form'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('There is already one');
    setValue(root.querySelector('input[aria-label="Name of the new collection"]'), 'Spring');
    await submit(root.querySelector('form'));
    expect(made).toEqual(['Spring:manual']);
    expect(stores.assets.getState().view.collection).toEqual({ id: 9, manual: true });
  });

  it('deletes a collection only once confirmed', async () => {
    const transport = engine(() => [board]);
    const { root } = await start(transport);
    await click(button(root, 'Delete collection Lookbook'));
    expect(transport.callsOf('collections.delete')).toEqual([]);
    await click(button(root, 'Delete'));
    expect(transport.callsOf('collections.delete')).toEqual([{ id: 2 }]);
  });
});

describe('collection actions in the toolbar', () => {
  it('saves the current search under a name', async () => {
    const transport = engine(() => []).handle('collections.save', ({ name, query }) => ({
      ...smart(0),
      id: 4,
      name,
      query: query ?? null,
    }));
    const { root, stores } = await start(transport);
    expect(button(root, 'Save search').disabled).toBe(true);
    act(() => stores.assets.getState().setView({ query: 'tag:Shoes rating>=4' }));
    await click(button(root, 'Save search'));
    setValue(root.querySelector('input[aria-label="Name of the saved search"]'), 'Best shoes');
    await submit(root.querySelector('form[aria-label="Name of the saved search"]'));
    expect(transport.callsOf('collections.save')).toEqual([
      { name: 'Best shoes', query: 'tag:Shoes rating>=4' },
    ]);
    expect(stores.assets.getState().view.collection).toEqual({ id: 4, manual: false });
  });

  it('adds the selection to a manual collection', async () => {
    const transport = engine(() => [smart(1), board]);
    const { root, stores } = await start(transport);
    const select = root.querySelector('select[aria-label="Add selection to collection"]');
    expect((select as HTMLSelectElement).disabled).toBe(true);
    act(() => stores.selection.getState().select(1, 2));
    await flush();
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Add to collection…',
      'Lookbook',
    ]);
    setValue(select, '2', 'change');
    await flush();
    expect(transport.callsOf('collections.add')).toEqual([{ id: 2, assetIds: [2] }]);
  });

  it('moves the selection up and down in a manual collection, and takes it out', async () => {
    const transport = engine(() => [board]);
    const { root, stores } = await start(transport);
    await click(root.querySelector('[data-collection-id="2"]'));
    act(() => stores.selection.getState().select(1, 2));
    await flush();
    await click(button(root, 'Move up'));
    expect(transport.callsOf('collections.move')).toEqual([{ id: 2, assetId: 2, position: 0 }]);
    expect(stores.selection.getState()).toMatchObject({ index: 0, id: 2 });
    expect(button(root, 'Move up').disabled).toBe(true);
    await click(button(root, 'Move down'));
    expect(transport.callsOf('collections.move').at(-1)).toEqual({
      id: 2,
      assetId: 2,
      position: 1,
    });
    // Filtered, list positions are not collection positions: reordering waits.
    act(() => stores.assets.getState().setView({ formats: ['png'] }));
    act(() => stores.selection.getState().select(1, 2));
    await flush();
    expect(button(root, 'Move down').disabled).toBe(true);
    await click(button(root, 'Remove from collection'));
    expect(transport.callsOf('collections.remove')).toEqual([{ id: 2, assetIds: [2] }]);
  });
});
