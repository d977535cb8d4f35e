// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../shared/contract';
import type { AssetPage } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import {
  deferred,
  FakeTransport,
  makeAsset,
  serveAssets,
  settle,
} from '../test-support/fake-transport';
import { assetAt, PAGE_SIZE } from './asset-pages';
import { createAssetsStore, type AssetsStoreOptions } from './assets-store';
import { createNoticesStore } from './notices-store';

function setup(total = 100_000, options: AssetsStoreOptions = { refetchDelayMs: 0 }) {
  const transport = new FakeTransport();
  let count = total;
  serveAssets(transport, () => count);
  const notices = createNoticesStore();
  const store = createAssetsStore(new Client(transport), notices, options);
  const listCalls = () => transport.callsOf('assets.list') as Array<MethodArgs<'assets.list'>>;
  return { transport, store, notices, listCalls, setTotal: (n: number) => (count = n) };
}

describe('assets window paging', () => {
  it('fetches only the page that holds the visible range, and learns the total', async () => {
    const { store, listCalls } = setup();
    store.getState().ensureRange(0, 99);
    await settle();
    expect(listCalls()).toEqual([{ offset: 0, limit: PAGE_SIZE, keywords: false, sort: 'name' }]);
    expect(store.getState().total).toBe(100_000);
    expect(assetAt(store.getState().pages, 99)?.id).toBe(100);
    expect(assetAt(store.getState().pages, 500)).toBeUndefined();
  });

  it('jumping deep into 100,000 assets loads that page alone', async () => {
    const { store, listCalls } = setup();
    store.getState().ensureRange(60_010, 60_050);
    await settle();
    expect(listCalls().map((c) => c.offset)).toEqual([60_000]);
    expect(assetAt(store.getState().pages, 60_010)?.name).toBe('img-060010.jpg');
    expect(store.getState().pages.size).toBe(1);
  });

  it('loads both pages when the range straddles a page boundary', async () => {
    const { store, listCalls } = setup();
    store.getState().ensureRange(480, 520);
    await settle();
    expect(listCalls().map((c) => c.offset)).toEqual([0, 500]);
  });

  it('does not fetch a page twice while it is in flight or fresh', async () => {
    const { store, listCalls } = setup();
    store.getState().ensureRange(0, 10);
    store.getState().ensureRange(5, 20);
    await settle();
    store.getState().ensureRange(100, 200);
    await settle();
    expect(listCalls()).toHaveLength(1);
  });

  it('a sweep through the list keeps two pages in flight; the page it stops on comes next', async () => {
    const { transport, store, listCalls } = setup();
    const held: Array<() => void> = [];
    const page = (offset: number): AssetPage => ({
      offset,
      items: Array.from({ length: PAGE_SIZE }, (_, i) => makeAsset(offset + i)),
      total: 100_000,
    });
    transport.handle('assets.list', (args) => {
      const reply = deferred<AssetPage>();
      held.push(() => reply.resolve(page(args.offset ?? 0)));
      return reply.promise;
    });
    for (let first = 0; first < 100_000; first += 2_000)
      store.getState().ensureRange(first, first + 40);
    store.getState().ensureRange(99_990, 99_999);
    await settle();
    expect(listCalls().map((c) => c.offset)).toEqual([0, 2_000]);
    held.splice(0).forEach((resolve) => resolve());
    await settle();
    // Only the page in view now, not the 48 passed on the way.
    expect(listCalls().map((c) => c.offset)).toEqual([0, 2_000, 99_500]);
    held.splice(0).forEach((resolve) => resolve());
    await settle();
    expect(assetAt(store.getState().pages, 99_999)?.id).toBe(100_000);
  });

  it('asks for nothing past the end of the list', async () => {
    const { store, listCalls } = setup(700);
    store.getState().ensureRange(0, 0);
    await settle();
    store.getState().ensureRange(400, 2_000);
    await settle();
    expect(listCalls().map((c) => c.offset)).toEqual([0, 500]);
  });

  it('filters by catalog and sort, and drops replies meant for the previous view', async () => {
    const { transport, store, listCalls } = setup();
    const slow = deferred<AssetPage>();
    transport.handle('assets.list', () => slow.promise);
    store.getState().ensureRange(0, 10);
    serveAssets(
      transport,
      () => 3,
      (i) => makeAsset(i, { catalogId: 7 }),
    );
    store.getState().setView({ catalogId: 7, sort: 'size' });
    await settle();
    slow.resolve({ total: 100_000, offset: 0, items: [makeAsset(0, { name: 'stale.jpg' })] });
    await settle();
    expect(listCalls()[1]).toEqual({
      offset: 0,
      limit: PAGE_SIZE,
      keywords: false,
      sort: 'size',
      catalogId: 7,
    });
    expect(store.getState().total).toBe(3);
    expect(assetAt(store.getState().pages, 0)?.name).toBe('img-000000.jpg');
  });

  it('keeps at most maxCachedPages pages, dropping the farthest', async () => {
    const { store } = setup(100_000, { refetchDelayMs: 0, maxCachedPages: 3 });
    for (const page of [0, 1, 2, 3, 4]) {
      store.getState().ensureRange(page * PAGE_SIZE, page * PAGE_SIZE + 1);
      await settle();
    }
    expect([...store.getState().pages.keys()].sort()).toEqual([2, 3, 4]);
  });
});

describe('assets window freshness', () => {
  it('refetches the visible pages once for a burst of assets.changed, and forgets the rest', async () => {
    const { store, listCalls, setTotal } = setup(2_000);
    store.getState().ensureRange(0, 0);
    await settle();
    store.getState().ensureRange(1_200, 1_300);
    await settle();
    expect(listCalls().map((c) => c.offset)).toEqual([0, 1_000]);

    setTotal(2_500);
    for (let i = 0; i < 5; i++) store.getState().invalidate(null);
    expect([...store.getState().pages.keys()]).toEqual([2]);
    await settle();
    expect(listCalls().map((c) => c.offset)).toEqual([0, 1_000, 1_000]);
    expect(store.getState().total).toBe(2_500);
  });

  it('refetches a page that changed while its request was in flight', async () => {
    const { transport, store, listCalls } = setup(10);
    const first = deferred<AssetPage>();
    transport.handle('assets.list', () => first.promise);
    store.getState().ensureRange(0, 9);
    store.getState().invalidate(null);
    serveAssets(transport, () => 11);
    first.resolve({ total: 10, offset: 0, items: [makeAsset(0)] });
    await settle();
    await settle();
    expect(listCalls()).toHaveLength(2);
    expect(store.getState().total).toBe(11);
  });

  it('refetches a page in flight when assets it may hold are indexed meanwhile', async () => {
    const { transport, store, listCalls } = setup(10);
    const first = deferred<AssetPage>();
    transport.handle('assets.list', () => first.promise);
    store.getState().ensureRange(0, 9);
    // The reply was read before asset 1 was indexed; its event arrives before the reply.
    store
      .getState()
      .applyIndexed([{ id: 1, hash: 'a'.repeat(64), thumb: 'ready', state: 'ok', error: null }]);
    serveAssets(
      transport,
      () => 10,
      (i) => makeAsset(i, { state: 'ok', thumb: 'ready' }),
    );
    first.resolve({ total: 10, offset: 0, items: [makeAsset(0)] });
    await settle();
    await settle();
    expect(listCalls()).toHaveLength(2);
    expect(assetAt(store.getState().pages, 0)).toMatchObject({ state: 'ok', thumb: 'ready' });
  });

  it('refetches a page in flight when placeholders it may hold arrive meanwhile', async () => {
    const { transport, store, listCalls } = setup(10);
    const first = deferred<AssetPage>();
    transport.handle('assets.list', () => first.promise);
    store.getState().ensureRange(0, 9);
    // The reply was read before asset 1's quick look; its event arrives before the reply.
    store
      .getState()
      .applyPlaceholders([{ id: 1, placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw' }]);
    serveAssets(
      transport,
      () => 10,
      (i) => makeAsset(i, { placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw' }),
    );
    first.resolve({ total: 10, offset: 0, items: [makeAsset(0)] });
    await settle();
    await settle();
    expect(listCalls()).toHaveLength(2);
    expect(assetAt(store.getState().pages, 0)?.placeholder).toBe(
      'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw',
    );
  });

  it('ignores changes in another catalog while one catalog is shown', async () => {
    const { store, listCalls } = setup(10);
    store.getState().setView({ catalogId: 1 });
    await settle();
    store.getState().invalidate(2);
    await settle();
    expect(listCalls()).toHaveLength(1);
    store.getState().invalidate(1);
    await settle();
    expect(listCalls()).toHaveLength(2);
  });

  it('paints placeholders from assets.placeholders in place, without a refetch', async () => {
    const { store, listCalls } = setup(10);
    store.getState().ensureRange(0, 9);
    await settle();
    const before = store.getState().pages.get(0);
    store.getState().applyPlaceholders([
      { id: 2, placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw' },
      { id: 999, placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw' }, // not loaded: ignored
    ]);
    expect(assetAt(store.getState().pages, 1)?.placeholder).toBe(
      'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw',
    );
    expect(assetAt(store.getState().pages, 0)).toBe(before?.[0]);
    await settle();
    expect(listCalls()).toHaveLength(1);
  });

  it('patches thumbnail and state from assets.indexed in place, then refetches the page for the rest', async () => {
    const { transport, store, listCalls } = setup(10);
    store.getState().ensureRange(0, 9);
    await settle();
    const before = store.getState().pages.get(0);
    serveAssets(
      transport,
      () => 10,
      (i) =>
        makeAsset(i, {
          state: 'ok',
          thumb: i === 3 ? 'ready' : 'pending',
          displayWidth: i === 3 ? 800 : 1200,
          placeholder: i === 3 ? 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw' : null,
        }),
    );

    store.getState().applyIndexed([
      { id: 4, hash: 'f'.repeat(64), thumb: 'ready', state: 'ok', error: null },
      { id: 5, hash: null, thumb: 'error', state: 'error', error: 'Truncated JPEG' },
      { id: 999, hash: null, thumb: 'ready', state: 'ok', error: null }, // not loaded: ignored
    ]);
    const patched = assetAt(store.getState().pages, 3);
    expect(patched).toMatchObject({ id: 4, hash: 'f'.repeat(64), thumb: 'ready', state: 'ok' });
    expect(assetAt(store.getState().pages, 4)).toMatchObject({
      state: 'error',
      error: 'Truncated JPEG',
    });
    expect(assetAt(store.getState().pages, 2)).toBe(before?.[2]);
    expect(before?.[3]?.thumb).toBe('pending');

    await settle();
    expect(listCalls()).toHaveLength(2);
    expect(assetAt(store.getState().pages, 3)).toMatchObject({
      displayWidth: 800,
      placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw',
    });
  });

  it('does not refetch for thumbnails of assets that were already read', async () => {
    const { transport, store, listCalls } = setup(10);
    serveAssets(
      transport,
      () => 10,
      (i) => makeAsset(i, { state: 'ok', thumb: 'pending', hash: 'a'.repeat(64) }),
    );
    store.getState().ensureRange(0, 9);
    await settle();
    store
      .getState()
      .applyIndexed([{ id: 1, hash: 'a'.repeat(64), thumb: 'ready', state: 'ok', error: null }]);
    await settle();
    expect(listCalls()).toHaveLength(1);
    expect(assetAt(store.getState().pages, 0)?.thumb).toBe('ready');
  });
});

describe('assets view', () => {
  it('lists one folder, filtered, and starts over when the view changes', async () => {
    const { store, listCalls } = setup(10);
    store.getState().ensureRange(0, 9);
    await settle();
    store.getState().setView({ catalogId: 2, folder: 'day 1', filter: 'errors' });
    await settle();
    store.getState().setView({ formats: ['png'] });
    await settle();
    expect(listCalls().slice(1)).toEqual([
      {
        offset: 0,
        limit: PAGE_SIZE,
        keywords: false,
        sort: 'name',
        catalogId: 2,
        folder: 'day 1',
        filter: 'errors',
      },
      {
        offset: 0,
        limit: PAGE_SIZE,
        keywords: false,
        sort: 'name',
        catalogId: 2,
        folder: 'day 1',
        filter: 'errors',
        formats: ['png'],
      },
    ]);
  });

  it('does not refetch when the same view is set again', async () => {
    const { store, listCalls } = setup(10);
    store.getState().setView({ formats: ['png', 'jpeg'] });
    await settle();
    store.getState().setView({ formats: ['jpeg', 'png'] });
    await settle();
    expect(listCalls()).toHaveLength(1);
  });

  it('refetches a filtered view when files are read, since rows may join or leave it', async () => {
    const { store, listCalls } = setup(10);
    store.getState().setView({ filter: 'errors' });
    await settle();
    // Asset 99 is not in this list yet: it just failed, so now it belongs.
    store
      .getState()
      .applyIndexed([{ id: 99, hash: null, thumb: 'error', state: 'error', error: 'Zero bytes' }]);
    await settle();
    expect(listCalls()).toHaveLength(2);

    store.getState().setView({ filter: 'all' });
    await settle();
    store
      .getState()
      .applyIndexed([{ id: 98, hash: null, thumb: 'error', state: 'error', error: 'Zero bytes' }]);
    await settle();
    expect(listCalls()).toHaveLength(3);
  });
});

describe('assets window failures', () => {
  it('shows the failure, reports it, and loads again on retry', async () => {
    const { transport, store, notices, listCalls } = setup(10);
    transport.handle('assets.list', () => {
      throw new PackshotError('io', 'database is locked');
    });
    store.getState().ensureRange(0, 9);
    await settle();
    expect(store.getState().error).toBe('database is locked');
    expect(notices.getState().notices.map((n) => n.message)).toEqual(['database is locked']);

    store.getState().ensureRange(0, 9); // no retry loop on its own
    await settle();
    expect(listCalls()).toHaveLength(1);

    serveAssets(transport, () => 10);
    store.getState().retry();
    await settle();
    expect(store.getState().error).toBeNull();
    expect(store.getState().total).toBe(10);
  });
});
