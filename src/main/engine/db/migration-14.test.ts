// Schema v14 on a history written by v13: each stored op `{type, ...}` becomes a part
// `{kind, data}` named for the domain handler that undoes it, in the same order.
import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { migrations } from './migrations';
import { migrate, type Db } from './open-database';

let dir: string;
let db: Db;

const oldOps = [
  { type: 'field', field: 'rating', after: 3, before: [{ value: 0, ids: [1, 2] }] },
  { type: 'links', tagId: 7, added: [1], removed: [] },
  {
    type: 'place',
    tagId: 7,
    before: { parentId: 0, name: 'A' },
    after: { parentId: 0, name: 'B' },
  },
  {
    type: 'merge',
    from: { id: 8, parent_id: 0, name: 'X', path: 'X' },
    into: 7,
    had: [],
    gained: [],
    children: [],
  },
  { type: 'productLinks', productId: 4, before: [], after: [] },
  { type: 'collection', collectionId: 5, before: [2, 1], after: [1] },
];

beforeAll(async () => {
  dir = await tempDir('migration-14');
  db = new Database(join(dir, 'packshot.db'));
  migrate(
    db,
    migrations.filter((m) => m.version <= 13),
  );
  db.prepare("INSERT INTO edit_steps (label, ops, undone, at) VALUES ('Old', ?, 1, '')").run(
    JSON.stringify(oldOps),
  );
  migrate(db, migrations);
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migration 14', () => {
  it('rewrites stored ops as {kind, data} parts, keeping order, data and undone', () => {
    const row = db
      .prepare<[], { ops: string; undone: number }>('SELECT ops, undone FROM edit_steps')
      .get();
    const parts = JSON.parse(row?.ops ?? '[]') as { kind: string; data: unknown }[];
    expect(parts.map((p) => p.kind)).toEqual([
      'culling.field',
      'tags.links',
      'tags.place',
      'tags.merge',
      'products.links',
      'collections.items',
    ]);
    expect(parts.map((p) => p.data)).toEqual(oldOps.map(({ type: _type, ...data }) => data));
    expect(row?.undone).toBe(1);
  });
});
