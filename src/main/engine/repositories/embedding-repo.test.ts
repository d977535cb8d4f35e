// Stored vectors and the in-memory copy searches use: kept up to date row by row from the
// change log the triggers write, whichever connection wrote, and read whole when too far behind.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { EmbeddingRepo } from './embedding-repo';
import type { PackedEmbeddings } from './packed-embeddings';

let dir: string;
let db: Db;
let other: Db;

beforeEach(async () => {
  dir = await tempDir('embeddings');
  db = openDatabase(join(dir, 'packshot.db'));
  other = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', 'now')`).run(dir);
  const insert = db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, bytes, mtime_ms, added_at) VALUES (?, 1, ?, ?, 1, 0, 0)`,
  );
  writeTransaction(db, () => {
    for (let id = 1; id <= 20; id++) insert.run(id, `f${id}`, `f${id}`);
  });
});

afterEach(async () => {
  db.close();
  other.close();
  await rm(dir, { recursive: true, force: true });
});

const v = (...xs: number[]) => Float32Array.from(xs);
const rows = (p: PackedEmbeddings): [number, number[]][] =>
  [...p.ids]
    .map((id, i): [number, number[]] => [id, [...p.vectors.subarray(i * p.dim, (i + 1) * p.dim)]])
    .sort((a, b) => a[0] - b[0]);

describe('EmbeddingRepo', () => {
  it('stores Float32 vectors per asset and model', () => {
    const repo = new EmbeddingRepo(db);
    repo.put(1, 'm1', v(0.5, -0.25, 1));
    expect(repo.get(1)).toEqual({ model: 'm1', vector: v(0.5, -0.25, 1) });
    expect(repo.count('m1')).toBe(1);
    repo.remove(1);
    expect(repo.get(1)).toBeUndefined();
  });

  it('brings a packed copy up to date with the rows another connection changed', () => {
    const repo = new EmbeddingRepo(db);
    const writer = new EmbeddingRepo(other);
    for (let id = 1; id <= 5; id++) writer.put(id, 'm1', v(id, 0));
    writer.put(6, 'old model', v(9, 9));
    let since = repo.lastChange();
    const packed = repo.packed('m1');
    expect(rows(packed).map(([id]) => id)).toEqual([1, 2, 3, 4, 5]);
    // Read two at a time (as a search warms up between other work): the same rows.
    const chunked = repo.emptyPacked('m1');
    const stops: number[] = [];
    for (let after = 0; after >= 0; stops.push(after))
      after = repo.readChunk(chunked, 'm1', after, 2);
    expect(stops).toEqual([2, 4, 5, -1]);
    expect(rows(chunked)).toEqual(rows(packed));
    writer.put(7, 'm1', v(7, 7)); // added
    writer.put(2, 'm1', v(2, 2)); // replaced
    writer.remove(1); // removed: the last row moves into its place
    writer.put(3, 'old model', v(0, 0)); // now another model's: out
    other.prepare('DELETE FROM assets WHERE id = 4').run(); // the asset gone: its vector too
    const now = repo.lastChange();
    expect(now).toBeGreaterThan(since);
    expect(repo.refresh(packed, 'm1', since, now)).toBe(true);
    expect(rows(packed)).toEqual(rows(repo.packed('m1')));
    expect(rows(packed)).toEqual([
      [2, [2, 2]],
      [5, [5, 0]],
      [7, [7, 7]],
    ]);
    since = now;
    // Further behind than the log keeps (10,000 changes): read whole instead.
    writeTransaction(other, () => {
      for (let i = 0; i < 10_001; i++) writer.put(8, 'm1', v(i, 0));
    });
    expect(repo.refresh(packed, 'm1', since, repo.lastChange())).toBe(false);
  });
});
