// Schema v13 on a catalog written by v12: the keywords copy goes, full text is rebuilt
// without it, and tag paths get their own full-text index that follows renames.
import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { migrations } from './migrations';
import { migrate, type Db } from './open-database';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('migration-13');
  db = new Database(join(dir, 'packshot.db'));
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    migrations.filter((m) => m.version <= 12),
  );
  db.exec(`
    INSERT INTO catalogs (id, path, name, added_at) VALUES (1, '/c', 'c', '2026-01-01');
    INSERT INTO assets (id, catalog_id, rel_path, name, bytes, mtime_ms, added_at, metadata, keywords)
      VALUES (1, 1, 'a/red.jpg', 'red.jpg', 1, 1, 1, '{"title":"Crème"}', '["Product|Shoes"]'),
             (2, 1, 'a/blue.jpg', 'blue.jpg', 1, 1, 1, NULL, '[]');
    INSERT INTO tags (id, parent_id, name, path) VALUES (1, 0, 'Product', 'Product'),
                                                        (2, 1, 'Shoes', 'Product|Shoes');
    INSERT INTO asset_tags (asset_id, tag_id) VALUES (1, 2);
  `);
  // Up to 13 only: later steps (14, jobs) are not what this file is about.
  migrate(
    db,
    migrations.filter((m) => m.version <= 13),
  );
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const assetsMatching = (q: string): number[] =>
  db
    .prepare<[string], { id: number }>(
      'SELECT rowid AS id FROM assets_fts WHERE assets_fts MATCH ?',
    )
    .all(q)
    .map((r) => r.id);
const tagsMatching = (q: string): number[] =>
  db
    .prepare<[string], { id: number }>('SELECT rowid AS id FROM tags_fts WHERE tags_fts MATCH ?')
    .all(q)
    .map((r) => r.id);

describe('migration 13', () => {
  it('drops the keywords copy and rebuilds full text from the rows', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(assets)').all();
    expect(columns.map((c) => c.name)).not.toContain('keywords');
    expect(assetsMatching('creme')).toEqual([1]);
    expect(assetsMatching('blue')).toEqual([2]);
    expect(assetsMatching('shoes')).toEqual([]); // keywords live in tags_fts now
  });

  it('indexes tag paths, and follows new, renamed and deleted tags', () => {
    expect(tagsMatching('shoes')).toEqual([2]);
    expect(tagsMatching('product')).toEqual([1, 2]);
    db.prepare(`UPDATE tags SET name = 'Boots', path = 'Product|Boots' WHERE id = 2`).run();
    expect(tagsMatching('shoes')).toEqual([]);
    expect(tagsMatching('boots')).toEqual([2]);
    db.prepare(`INSERT INTO tags (id, parent_id, name, path) VALUES (3, 0, 'Red', 'Red')`).run();
    expect(tagsMatching('red')).toEqual([3]);
    db.prepare('DELETE FROM tags WHERE id = 3').run();
    expect(tagsMatching('red')).toEqual([]);
  });

  it('re-indexes an asset when its name changes', () => {
    db.prepare(`UPDATE assets SET name = 'green.jpg' WHERE id = 2`).run();
    expect(assetsMatching('green')).toEqual([2]);
    expect(assetsMatching('blue')).toEqual([]);
  });
});
