import { describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../shared/contract';
import { Client } from '../client';
import { FakeTransport, serveAssets } from '../test-support/fake-transport';
import { DEFAULT_VIEW, nextView } from './asset-view';
import { selectionTarget } from './selection-target';

function setup(total: number) {
  const transport = new FakeTransport();
  serveAssets(transport, () => total);
  return { transport, client: new Client(transport) };
}

const none = new Set<number>();

describe('selectionTarget', () => {
  it('is the selected ids, or the focus alone, or nothing', async () => {
    const { client } = setup(10);
    const view = DEFAULT_VIEW;
    expect(
      await selectionTarget(client, { all: false, ids: new Set([3, 1]), id: 1 }, view),
    ).toEqual({ kind: 'ids', ids: [3, 1] });
    expect(await selectionTarget(client, { all: false, ids: none, id: 7 }, view)).toEqual({
      kind: 'ids',
      ids: [7],
    });
    expect(await selectionTarget(client, { all: false, ids: none, id: null }, view)).toBeNull();
  });

  it('is the query for "all" of a list the search language describes, without listing', async () => {
    const { client, transport } = setup(100_000);
    const view = nextView(DEFAULT_VIEW, { query: 'a OR b', hideRejects: true });
    expect(await selectionTarget(client, { all: true, ids: none, id: null }, view)).toEqual({
      kind: 'query',
      query: '(a OR b) AND NOT flag:reject',
    });
    expect(transport.callsOf('assets.list')).toEqual([]);
  });

  it('lists the ids of "all" in a catalog or folder, page by page', async () => {
    const { client, transport } = setup(12_345);
    const view = nextView(DEFAULT_VIEW, { catalogId: 2, folder: 'shoot' });
    const target = await selectionTarget(client, { all: true, ids: none, id: null }, view);
    expect(target?.kind === 'ids' ? target.ids.length : 0).toBe(12_345);
    const calls = transport.callsOf('assets.list') as Array<MethodArgs<'assets.list'>>;
    expect(calls.map((c) => [c.offset, c.limit, c.catalogId, c.folder])).toEqual([
      [0, 5000, 2, 'shoot'],
      [5000, 5000, 2, 'shoot'],
      [10_000, 5000, 2, 'shoot'],
    ]);
  });

  it('refuses "all" of more assets than one edit takes, with the reason', async () => {
    const { client } = setup(250_000);
    const view = nextView(DEFAULT_VIEW, { catalogId: 2 });
    await expect(selectionTarget(client, { all: true, ids: none, id: null }, view)).rejects.toThrow(
      '250000 assets are more than one edit takes (200000); narrow the list first',
    );
  });
});
