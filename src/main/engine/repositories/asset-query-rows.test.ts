// A page the list index chose is read as arrays and made rows by one object literal: it
// must name ASSET_SELECT's columns in their order, and give the rows SQLite gives.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { isAssetSelect, rowMaker } from './asset-query-rows';
import { ASSET_SELECT } from './asset-row';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('asset-query-rows');
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', '2026')`).run(dir);
  db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, folder, bytes, mtime_ms, hash, format,
       width, height, state, thumb, added_at, kind, camera, rating, flag, label, colors,
       sharpness, placeholder)
     VALUES (3, 1, 'a/b.jpg', 'b.jpg', 'a', 10, 5, 'h', 'jpeg', 40, 30, 'ok', 'ready', 7,
       'image', 'Canon', 4, 'pick', 'red', '["white"]', 0.5, 'ph')`,
  ).run();
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('asset rows from arrays', () => {
  it("take ASSET_SELECT's columns in order and equal SQLite's own rows", () => {
    const statement = db.prepare(`${ASSET_SELECT} WHERE a.id = 3`);
    const names = statement.columns().map((c) => c.name);
    expect(isAssetSelect(names)).toBe(true);
    const values = statement.raw(true).get() as unknown[];
    const row = rowMaker(names)(values);
    expect(row).toEqual(statement.raw(false).get());
    expect(Object.keys(row)).toEqual(names);
  });

  it('read other columns key by key', () => {
    const names = ['id', 'name', 'extra'];
    expect(isAssetSelect(names)).toBe(false);
    expect(rowMaker(names)([1, 'n', 2])).toEqual({ id: 1, name: 'n', extra: 2 });
  });
});
