// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/dto';
import { Client } from '../client';
import { deferred, FakeTransport, serveAssets, settle } from '../test-support/fake-transport';
import { connectStores } from './connect-stores';
import { createStores } from './create-stores';

const progress = (overrides: Partial<JobProgress> = {}): JobProgress => ({
  running: false,
  done: 0,
  total: 0,
  errors: 0,
  rate: 0,
  etaSeconds: null,
  ...overrides,
});

function setup() {
  const transport = new FakeTransport();
  transport
    .handle('catalogs.list', () => [])
    .handle('folders.list', () => [])
    .handle('jobs.status', () => progress());
  serveAssets(transport, () => 10);
  const client = new Client(transport);
  const stores = createStores(client, {
    refetchDelayMs: 0,
    folderRefreshDelayMs: 0,
    storage: null,
  });
  return { transport, stores, client };
}

describe('connectStores', () => {
  it('loads catalogs, folders and job status on start', async () => {
    const { transport, stores, client } = setup();
    connectStores(client, stores);
    await settle();
    expect(transport.callsOf('catalogs.list')).toHaveLength(1);
    expect(transport.callsOf('folders.list')).toHaveLength(1);
    expect(stores.catalogs.getState().status).toBe('ready');
    expect(stores.jobs.getState().progress).toEqual(progress());
  });

  it('reads the stored undo history on start and after product or collection changes', async () => {
    const { transport, stores, client } = setup();
    transport.handle('edits.state', () => ({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Delete collection Picks',
      redoLabel: null,
    }));
    connectStores(client, stores);
    await settle();
    expect(stores.edits.getState()).toMatchObject({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Delete collection Picks',
    });
    transport.emit('products.changed', {});
    transport.emit('collections.changed', {});
    await settle();
    expect(transport.callsOf('edits.state')).toHaveLength(3);
  });

  it('lets a progress event win over a slower initial status', async () => {
    const { transport, stores, client } = setup();
    const status = deferred<JobProgress>();
    transport.handle('jobs.status', () => status.promise);
    connectStores(client, stores);
    transport.emit('jobs.progress', progress({ running: true, done: 5, total: 9 }));
    status.resolve(progress({ done: 1, total: 9 }));
    await settle();
    expect(stores.jobs.getState().progress).toMatchObject({ running: true, done: 5 });
  });

  it('turns list events into a refetch of the list and the catalog counts', async () => {
    const { transport, stores, client } = setup();
    connectStores(client, stores);
    stores.assets.getState().ensureRange(0, 9);
    await settle();
    transport.emit('assets.changed', { catalogId: null });
    await settle();
    expect(transport.callsOf('assets.list')).toHaveLength(2);
    expect(transport.callsOf('catalogs.list')).toHaveLength(2);
  });

  it('keeps the grid’s pages when only AI results moved and its search does not read them', async () => {
    const { transport, stores, client } = setup();
    connectStores(client, stores);
    stores.assets.getState().ensureRange(0, 9);
    await settle();
    const lists = () => transport.callsOf('assets.list').length;
    // What the AI job sends every 16 images: no query, or one reading only tags and facts.
    transport.emit('assets.changed', { catalogId: null, only: 'ai' });
    await settle();
    expect(lists()).toBe(1);
    expect(transport.callsOf('catalogs.list')).toHaveLength(1);
    stores.assets.getState().setView({ query: 'tag:Shoes width>=2000 -flag:reject' });
    await settle();
    transport.emit('assets.changed', { catalogId: null, only: 'ai' });
    await settle();
    expect(lists()).toBe(2);

    // A search the AI feeds refetches: ai: terms, free words (captions, OCR), ~meaning.
    for (const query of ['ai:cup', 'sneaker', 'tag:Shoes ~"red shoe"', 'people:yes']) {
      stores.assets.getState().setView({ query });
      await settle();
      const before = lists();
      transport.emit('assets.changed', { catalogId: null, only: 'ai' });
      await settle();
      expect([query, lists()]).toEqual([query, before + 1]);
    }
    // Any other change refetches every view.
    stores.assets.getState().setView({ query: '' });
    await settle();
    const before = lists();
    transport.emit('assets.changed', { catalogId: null });
    await settle();
    expect(lists()).toBe(before + 1);
  });

  it('reloads the folder tree once for a burst of list and catalog events', async () => {
    const { transport, stores, client } = setup();
    connectStores(client, stores);
    await settle();
    for (let i = 0; i < 5; i++) transport.emit('assets.changed', { catalogId: 1 });
    transport.emit('catalogs.changed', {});
    await settle();
    expect(transport.callsOf('folders.list')).toHaveLength(2);
  });

  it('closes the loupe when the selection goes with a change of view', async () => {
    const { stores, client } = setup();
    connectStores(client, stores);
    stores.selection.getState().select(0, 1);
    stores.loupe.getState().show();
    stores.assets.getState().setView({ filter: 'errors' });
    expect(stores.loupe.getState().open).toBe(false);
    await settle();
  });

  it('refreshes catalog error counts when an indexing run ends', async () => {
    const { transport, stores, client } = setup();
    connectStores(client, stores);
    await settle();
    transport.emit('jobs.progress', progress({ running: true, total: 3 }));
    await settle();
    expect(transport.callsOf('catalogs.list')).toHaveLength(1);
    transport.emit('jobs.progress', progress({ running: false, done: 3, total: 3 }));
    await settle();
    expect(transport.callsOf('catalogs.list')).toHaveLength(2);
  });

  it('drops the selection when another catalog is shown, and stops listening when undone', async () => {
    const { transport, stores, client } = setup();
    const disconnect = connectStores(client, stores);
    stores.selection.getState().select(3, 4);
    stores.assets.getState().setView({ catalogId: 2 });
    expect(stores.selection.getState().id).toBeNull();

    disconnect();
    await settle();
    transport.emit('jobs.progress', progress({ running: true, done: 1, total: 2 }));
    expect(stores.jobs.getState().progress?.running).toBe(false);
  });
});
