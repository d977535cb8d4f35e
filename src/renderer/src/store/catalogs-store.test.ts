// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { deferred, FakeTransport, makeCatalog, settle } from '../test-support/fake-transport';
import { createCatalogsStore } from './catalogs-store';
import { createNoticesStore } from './notices-store';

const catalog = (id: number, overrides: Partial<Catalog> = {}): Catalog =>
  makeCatalog(id, overrides);

function setup() {
  const transport = new FakeTransport();
  const notices = createNoticesStore();
  const store = createCatalogsStore(new Client(transport), notices);
  return { transport, notices, store };
}

describe('catalogs store', () => {
  it('adds the folder and shows it at once', async () => {
    const { transport, store } = setup();
    transport
      .handle('catalogs.add', ({ path }) => catalog(5, { path }))
      .handle('catalogs.list', () => [catalog(5, { assetCount: 3 })]);
    const added = await store.getState().add('  /photos/c5 ');
    expect(added.id).toBe(5);
    expect(transport.calls.slice(0, 2)).toEqual([
      { method: 'catalogs.add', args: { path: '/photos/c5' } },
      { method: 'catalogs.list', args: {} },
    ]);
    await settle();
    expect(store.getState().catalogs).toEqual([catalog(5, { assetCount: 3 })]);
  });

  it('lets a refused folder fail for the form to show', async () => {
    const { transport, store } = setup();
    transport.handle('catalogs.add', () => {
      throw new PackshotError('not_found', 'There is no folder at /nope');
    });
    await expect(store.getState().add('/nope')).rejects.toMatchObject({
      code: 'not_found',
      message: 'There is no folder at /nope',
    });
    expect(store.getState().catalogs).toEqual([]);
  });

  it('folds reloads requested during a reload into one more', async () => {
    const { transport, store } = setup();
    const first = deferred<Catalog[]>();
    let n = 0;
    transport.handle('catalogs.list', () => (++n === 1 ? first.promise : [catalog(1), catalog(2)]));
    void store.getState().refresh();
    void store.getState().refresh();
    void store.getState().refresh();
    first.resolve([catalog(1)]);
    await settle();
    expect(transport.callsOf('catalogs.list')).toHaveLength(2);
    expect(store.getState().catalogs.map((c) => c.id)).toEqual([1, 2]);
  });

  it('reports a failed load and says so when there is nothing to show', async () => {
    const { transport, store, notices } = setup();
    transport.handle('catalogs.list', () => {
      throw new PackshotError('internal', 'disk I/O error');
    });
    await store.getState().refresh();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('disk I/O error');
    expect(notices.getState().notices[0]?.message).toBe('disk I/O error');
  });
});
