// The order a burst's quick looks run in: largest file first, from the rows reconciled.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { AssetFileRepo } from './asset-file-repo';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = await tempDir('asset-file-order');
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', 'now')`).run(dir);
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('AssetFileRepo.largestFirst', () => {
  it('orders ids by their file size, largest first, gone ones last; ties keep their order', () => {
    const files = new AssetFileRepo(db);
    const sizes = [300, 5_000_000, 300, 12, 5_000_000, 4_000_000_000];
    const { queue } = files.reconcile(
      1,
      sizes.map((bytes, i) => ({
        relPath: `f${i}.jpg`,
        name: `f${i}.jpg`,
        bytes,
        mtimeMs: 1,
        kind: 'image' as const,
        ino: i + 1,
        dev: 1,
      })),
      true,
    );
    expect(queue).toHaveLength(sizes.length);
    // Each id as the index of its file in `sizes`; 9 for an id no longer listed.
    const file = (ids: number[]): number[] =>
      ids.map((id) => (queue.includes(id) ? queue.indexOf(id) : 9));
    const id = (n: number): number => queue[n] ?? -1;
    expect(file(files.largestFirst(queue))).toEqual([5, 1, 4, 0, 2, 3]);
    expect(file(files.largestFirst([id(3), 999_999, id(0)]))).toEqual([0, 3, 9]);
    expect(file(files.largestFirst([id(2)]))).toEqual([2]);
    // The sizes more than one of the ids has, for the looks' groups.
    expect([...files.bySize(queue).shared].sort((a, b) => a - b)).toEqual([300, 5_000_000]);
    expect([...files.bySize([id(0), id(1), id(3)]).shared]).toEqual([]);
  });
});
