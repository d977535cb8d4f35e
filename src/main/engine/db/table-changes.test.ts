// The change counters the list index keeps its sets by: a write to a table a set reads
// changes that table's count, whatever made the table and whenever.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { AiResultsRepo } from '../repositories/ai-results-repo';
import { MediaFactsRepo } from '../repositories/media-facts-repo';
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

  it("counts the FTS5 tables' writes apart: the AI's other writes keep a free word's sets", () => {
    db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', '2026')`).run(
      dir,
    );
    db.prepare(
      `INSERT INTO assets (id, catalog_id, rel_path, name, folder, bytes, mtime_ms, hash, state,
         thumb, added_at, kind) VALUES (5, 1, 'a.jpg', 'a.jpg', '', 1, 0, 'h5', 'ok', 'ready', 0, 'image')`,
    ).run();
    const words = () => tableChanges(db)(['ai_words']);
    const text = () => tableChanges(db)(['document_text']);
    const before = { words: words(), text: text() };
    // What the AI writes beside the words (its runs and suggestions): counted per table.
    db.prepare(
      `INSERT INTO ai_suggestions (asset_id, tag_path, source, confidence, state)
       VALUES (5, 'Objects|Cup', 'objects', 0.9, 'pending')`,
    ).run();
    db.prepare(`UPDATE assets SET rating = 3 WHERE id = 5`).run();
    expect(words()).toBe(before.words);
    expect(text()).toBe(before.text);
    // The words themselves, written as the AI job writes them.
    new AiResultsRepo(db).writeWords(5, 0.5);
    expect(words()).not.toBe(before.words);
    expect(text()).toBe(before.text);
    const written = words();
    new MediaFactsRepo(db).replace(5, 'h5', null, 'a manual about cups');
    expect(text()).not.toBe(before.text);
    expect(words()).toBe(written);
  });
});
