// The grid's rows come without keywords (assets.list keywords: false): the same assets, in
// the same order, with the same count; only the keywords are left out, and assets.get
// still has them.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';

const NAMES = ['b-boot.jpg', 'a-sneaker.jpg', 'c-bag.jpg', 'd-belt.jpg'];
let p: PhotoHarness;

beforeAll(async () => {
  p = await startWithPhotos('grid-rows', NAMES, 40);
  await p.h.call('tags.apply', { ids: [p.id['b-boot.jpg']!], path: 'Footwear|Boots' });
  await p.h.call('tags.apply', {
    ids: [p.id['a-sneaker.jpg']!, p.id['b-boot.jpg']!],
    path: 'Studio',
  });
}, 60_000);

afterAll(() => p.dispose());

describe('grid rows', () => {
  it.each([undefined, 'tag:Footwear OR tag:Studio', 'NOT tag:Studio', 'boots'])(
    'lists the same assets without their keywords (query %s)',
    async (query) => {
      const args = { limit: 3, sort: 'name' as const, ...(query ? { query } : {}) };
      const full = await p.h.call('assets.list', args);
      const narrow = await p.h.call('assets.list', { ...args, keywords: false });
      expect(narrow.total).toBe(full.total);
      expect(narrow.items.every((a) => !('keywords' in a))).toBe(true);
      expect(narrow.items).toEqual(full.items.map(({ keywords: _, ...rest }) => rest));
    },
  );

  it('still gives an asset its keywords when asked for it, and lists them by default', async () => {
    const boot = p.id['b-boot.jpg']!;
    expect((await p.h.call('assets.get', { id: boot })).keywords).toEqual([
      'Footwear|Boots',
      'Studio',
    ]);
    const listed = await p.h.call('assets.list', { query: 'name:c-bag' });
    expect(listed.items.map((a) => a.keywords)).toEqual([[]]);
  });

  it('counts the same whether the page is full, ends short or lies past the end', async () => {
    const totals = [];
    for (const [offset, limit] of [
      [0, 3],
      [0, 4],
      [0, 10],
      [2, 3],
      [3, 1],
      [4, 2],
      [9, 2],
    ])
      totals.push((await p.h.call('assets.list', { offset, limit, keywords: false })).total);
    expect(totals).toEqual([4, 4, 4, 4, 4, 4, 4]);
    const tagged = [];
    for (const offset of [0, 1, 2])
      tagged.push((await p.h.call('assets.list', { offset, limit: 1, query: 'tag:Studio' })).total);
    expect(tagged).toEqual([2, 2, 2]);
  });

  it('counts again after an edit here or a commit by another process', async () => {
    // limit 1: a full page, so the total comes from the count (kept while nothing changed).
    const total = async (query: string) =>
      (await p.h.call('assets.list', { limit: 1, query, keywords: false })).total;
    expect(await total('tag:Studio')).toBe(2);
    await p.h.call('tags.apply', { ids: [p.id['c-bag.jpg']!], path: 'Studio' });
    expect(await total('tag:Studio')).toBe(3);

    expect(await total('rating>=4')).toBe(0);
    const other = new Database(join(p.h.dataDir, 'packshot.db'));
    try {
      other.prepare('UPDATE assets SET rating = 5 WHERE id = ?').run(p.id['d-belt.jpg']);
    } finally {
      other.close();
    }
    expect(await total('rating>=4')).toBe(1);
    expect(await total('tag:Studio')).toBe(3);
  });
});
