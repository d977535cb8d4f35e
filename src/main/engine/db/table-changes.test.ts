// The change counters the list index keeps its sets by: a write to a table a set reads
// changes that table's count, whatever made the table and whenever.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from './open-database';
import { tableChanges } from './table-changes';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('table-changes');
  db = openDatabase(join(dir, 'packshot.db'));
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('table changes', () => {
  it('counts a write to a table made after the counters were', () => {
    const tags = () => tableChanges(db)(['tags']);
    const before = tags(); // the counters are made
    db.prepare(`INSERT INTO tags (id, parent_id, name, path) VALUES (1, 0, 't', 't')`).run();
    expect(tags()).not.toBe(before);
    db.exec('CREATE TABLE later_table (id INTEGER PRIMARY KEY)');
    const later = () => tableChanges(db)(['later_table']);
    const made = later();
    db.prepare('INSERT INTO later_table (id) VALUES (1)').run();
    expect(later()).not.toBe(made);
  });
});
