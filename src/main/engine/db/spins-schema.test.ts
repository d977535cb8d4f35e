// Migration 23's trigger: a spin outlives its cover's row (the next frame becomes the
// cover), and goes with its last frame's row. The frame rows go by cascade.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from './open-database';
import { SpinRepo } from '../repositories/spin-repo';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('spins-schema');
  db = openDatabase(join(dir, 'packshot.db'));
  db.exec(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, '/c', 'c', '2026-12-05');
    INSERT INTO assets (id, catalog_id, rel_path, name, bytes, mtime_ms, added_at)
    VALUES (1, 1, 'a1.jpg', 'a1.jpg', 1, 0, 0), (2, 1, 'a2.jpg', 'a2.jpg', 1, 0, 0),
           (3, 1, 'a3.jpg', 'a3.jpg', 1, 0, 0);`);
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

// As a catalog's removal deletes rows.
const remove = (id: number) => db.prepare('DELETE FROM assets WHERE id = ?').run(id);

describe('spins when asset rows go', () => {
  it('moves the cover to the next frame, then removes the spin with its last frame', () => {
    const repo = new SpinRepo(db);
    const id = repo.insert('Turn', null, 2);
    repo.setFrames(id, [
      { assetId: 2, number: 1 },
      { assetId: 1, number: 2 },
      { assetId: 3, number: 3 },
    ]);
    remove(2);
    expect(repo.get(id)?.cover_asset_id).toBe(1);
    expect(repo.frames(id).map((f) => f.assetId)).toEqual([1, 3]);
    remove(3);
    expect(repo.get(id)?.cover_asset_id).toBe(1);
    remove(1);
    expect(repo.get(id)).toBeUndefined();
    expect(repo.counts().size).toBe(0);
  });
});
