// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FolderNode } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { deferred, FakeTransport, settle } from '../test-support/fake-transport';
import { folderKey } from './folder-tree';
import { createFoldersStore } from './folders-store';
import { createNoticesStore } from './notices-store';

function setup(folders: () => FolderNode[] | Promise<FolderNode[]>) {
  const transport = new FakeTransport().handle('folders.list', () => folders());
  const notices = createNoticesStore();
  const store = createFoldersStore(new Client(transport), notices, { refreshDelayMs: 0 });
  return { transport, notices, store };
}

const node = (catalogId: number, path: string, count = 1): FolderNode => ({
  catalogId,
  path,
  count,
});

describe('folders store', () => {
  it('loads every catalog’s folders and opens each catalog once', async () => {
    let list = [node(1, ''), node(1, 'a')];
    const { store } = setup(() => list);
    await store.getState().refresh();
    expect(store.getState().folders).toEqual(list);
    expect([...store.getState().expanded]).toEqual([folderKey(1, '')]);

    // Closed by the user, it stays closed across reloads; a new catalog opens.
    store.getState().toggle(1, '');
    list = [...list, node(2, '')];
    await store.getState().refresh();
    expect([...store.getState().expanded]).toEqual([folderKey(2, '')]);
  });

  it('toggles folders and reveals the way down to one', () => {
    const { store } = setup(() => []);
    store.getState().toggle(1, 'a');
    expect(store.getState().expanded.has(folderKey(1, 'a'))).toBe(true);
    store.getState().toggle(1, 'a');
    expect(store.getState().expanded.has(folderKey(1, 'a'))).toBe(false);
    store.getState().reveal(1, 'a/b/c');
    expect([...store.getState().expanded].sort()).toEqual(
      [folderKey(1, ''), folderKey(1, 'a'), folderKey(1, 'a/b')].sort(),
    );
  });

  it('folds a burst of refresh requests into one call, and one more for those during it', async () => {
    const first = deferred<FolderNode[]>();
    let calls = 0;
    const { transport, store } = setup(() => (++calls === 1 ? first.promise : [node(1, 'b')]));
    for (let i = 0; i < 5; i++) store.getState().refreshSoon();
    await settle();
    expect(transport.callsOf('folders.list')).toHaveLength(1);
    for (let i = 0; i < 5; i++) store.getState().refreshSoon();
    await settle();
    first.resolve([node(1, 'a')]);
    await settle();
    await settle();
    expect(transport.callsOf('folders.list')).toHaveLength(2);
    expect(store.getState().folders).toEqual([node(1, 'b')]);
  });

  it('reports a failed load and keeps the last good list', async () => {
    let fail = false;
    const { store, notices } = setup(() => {
      if (fail) throw new PackshotError('io', 'database is locked');
      return [node(1, 'a')];
    });
    await store.getState().refresh();
    fail = true;
    await store.getState().refresh();
    expect(store.getState().folders).toEqual([node(1, 'a')]);
    expect(notices.getState().notices.map((n) => n.message)).toEqual(['database is locked']);
  });
});
