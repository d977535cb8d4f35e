// The list index answers exactly what SQL alone answers: the same rows (whole, badges
// included), in the same order, with the same count, for every query, sort, offset and
// filter, after edits of every kind in between (tag, untag, rating, label, rename, delete,
// a new asset, a tag renamed, what the AI found, a commit by another connection).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { countedApart, type CountedApart } from '../db/bookkeeping-writes';
import { AiResultsRepo } from './ai-results-repo';
import { MediaFactsRepo } from './media-facts-repo';
import { buildAssetQuery, type AssetQuery } from './asset-query';
import { ListIndex } from './list-index';
import { assetSearch } from './search-query';
import {
  addAsset,
  compareAll,
  db,
  dir,
  indexed,
  PAGES,
  plain,
  SORTS,
  useListIndexCatalog,
} from './list-index-fixture';

useListIndexCatalog();

describe('list index', () => {
  it('lists what SQL lists, for every query, sort, offset and filter', () => {
    const rows =
      compareAll(['all'], SORTS, PAGES) +
      compareAll(['missing', 'duplicates', 'unlinked'], ['name']);
    expect(rows).toBeGreaterThan(5_000); // the pages are not all empty
    const inFolder: AssetQuery = { filter: 'all', sort: 'name', catalogId: 1, folder: 'shoot-2' };
    expect(indexed.page(inFolder, 0, 500)).toEqual(plain.page(inFolder, 0, 500));
    expect(indexed.count(inFolder)).toBe(plain.count(inFolder));
  });

  it.each([
    [
      'tag',
      'INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) SELECT id, 3 FROM assets WHERE id % 7 = 0',
    ],
    ['untag', 'DELETE FROM asset_tags WHERE tag_id = 2 AND asset_id % 3 = 0'],
    ['rate', 'UPDATE assets SET rating = 5, flag = ? WHERE id % 5 = 1'],
    ['label', 'UPDATE assets SET label = NULL WHERE label = ?'],
    ['resize', 'UPDATE assets SET bytes = bytes + 1000 WHERE id % 9 = 0'],
    ['date', "UPDATE assets SET captured_at = '2026-05-01T00:00:00' WHERE id % 8 = 0"],
    ['rename', "UPDATE assets SET name = 'leather-boots-' || id || '.jpg' WHERE id % 11 = 0"],
    ['delete', 'DELETE FROM assets WHERE id % 13 = 0'],
    [
      'rename a tag',
      "UPDATE tags SET path = 'Footwear|Sneaker shoes', name = 'Sneaker shoes' WHERE id = 3",
    ],
    [
      'relink (OR REPLACE)',
      'INSERT OR REPLACE INTO asset_tags (asset_id, tag_id) VALUES (7, 7), (8, 7)',
    ],
    ['delete a tag (its links cascade)', 'DELETE FROM tags WHERE id = 8'],
    ['a catalog offline', 'UPDATE catalogs SET online = 0 WHERE id = 1'],
    ['a spin cover moved', 'UPDATE spins SET cover_asset_id = 21 WHERE id = 1'],
    [
      'AI words',
      "INSERT INTO ai_words (rowid, labels, text) VALUES (5, 'sneaker', ''), (6, 'red', '')",
    ],
    [
      "a document's text",
      "INSERT INTO document_text (rowid, body) VALUES (9, 'boots'), (10, 'sneaker red')",
    ],
  ])('stays exact after an edit: %s', (_what, sql) => {
    compareAll(); // the sets are built and kept
    const statement = db.prepare(sql);
    const args = sql.includes('?')
      ? [sql.startsWith('UPDATE assets SET label') ? 'red' : 'pick']
      : [];
    // The FTS5 tables are written only inside countedApart (fts-writers.test.ts).
    const table = /INTO (ai_words|document_text)/.exec(sql)?.[1] as CountedApart | undefined;
    const run = () => statement.run(...args).changes;
    expect(table ? countedApart(db, table, run) : run()).toBeGreaterThan(0);
    compareAll();
  });

  it('stays exact while the AI writes its findings between asks', () => {
    const ai = new AiResultsRepo(db);
    const facts = new MediaFactsRepo(db);
    const ids = db.prepare('SELECT id FROM assets ORDER BY id').pluck().all() as number[];
    compareAll(); // the sets are built and kept
    for (const [k, id] of ids.slice(0, 40).entries()) {
      // What the AI job writes for one asset: its run, a suggestion, then the free words.
      db.prepare(
        `INSERT OR REPLACE INTO ai_suggestions (asset_id, tag_path, source, confidence, state)
         VALUES (?, ?, 'objects', 0.9, 'pending')`,
      ).run(id, k % 2 ? 'Objects|Sneaker' : 'Objects|Leather boots');
      ai.writeWords(id, 0.5);
      if (k % 10 === 0) facts.replace(id, `h${id}`, null, k % 20 ? 'red leather' : null);
      if (k % 8 === 0) compareAll(['all'], ['name'], PAGES.slice(0, 1));
    }
    compareAll();
  });

  it('stays exact after a new asset (past the highest id) and a commit by another connection', () => {
    compareAll();
    addAsset(1000);
    compareAll();
    const other = new Database(join(dir, 'packshot.db'));
    try {
      other.prepare('UPDATE assets SET rating = 0, label = ? WHERE id % 4 = 0').run('red');
    } finally {
      other.close();
    }
    compareAll();
  });

  it('answers a first ask by SQL alone and reads the sets when the list is asked again', () => {
    const index = new ListIndex(db, () => 'one state');
    const ask = (text: string) => {
      const query: AssetQuery = { filter: 'all', sort: 'name', search: assetSearch(text) };
      return { query, terms: buildAssetQuery(query).terms };
    };
    const exact = (text: string, page = true) => {
      const { query, terms } = ask(text);
      const selection = index.select(terms, 'name', page);
      if (selection) {
        expect(selection.count, text).toBe(plain.count(query));
        const ids = plain.page(query, 0, 500, false).map((a) => a.id);
        expect(selection.page(0, 500), text).toEqual(ids);
      }
      return selection !== undefined;
    };
    const scanned = 'rating>=4 flag:pick';
    expect(exact(scanned)).toBe(false); // rating and flag would be a scan: SQL answers
    expect(exact(scanned, false)).toBe(false); // a count alone never reads them
    expect(exact(scanned)).toBe(true); // asked again, nothing changed: read and kept
    expect(exact(scanned)).toBe(true);
    // A tag's set is the tag's own ids: read at once, on a first ask, and after a tag edit.
    expect(exact('tag:Footwear -tag:Suede')).toBe(true);
    db.prepare('INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) VALUES (2, 1), (3, 5)').run();
    expect(exact('tag:Footwear -tag:Suede')).toBe(true);
    expect(exact(scanned)).toBe(true); // its sets read no tags: kept
    // Asked, then changed before the next ask (a scan adding assets): SQL again.
    addAsset(1500);
    expect(exact(scanned)).toBe(false);
    addAsset(1501);
    expect(exact(scanned)).toBe(false);
    expect(exact(scanned)).toBe(true);
  });

  it('refuses a page of a selection another query has replaced (their matches share a set)', () => {
    const index = new ListIndex(db, () => 'one state');
    const terms = (text: string) =>
      buildAssetQuery({ filter: 'all', sort: 'name', search: assetSearch(text) }).terms;
    index.select(terms('tag:Boots'), 'name'); // a first ask: SQL answers it
    const tags = index.select(terms('tag:Boots'), 'name')!;
    expect(tags.page(0, 5).length).toBeGreaterThan(0);
    expect(index.select(terms('tag:Suede'), 'name')).toBeDefined();
    expect(() => tags.page(0, 5)).toThrow(/read after the next/);
  });

  it("keeps SQL's NULL in a set: NOT IN a set holding NULL is never TRUE", () => {
    db.prepare(
      `INSERT INTO spins (id, name, created_at, cover_asset_id) VALUES (2, 'n', 0, NULL)`,
    ).run();
    try {
      for (let i = 0; i < 2; i++) compareAll(); // first asks by SQL, then from the sets
      const negated: AssetQuery = {
        filter: 'all',
        sort: 'name',
        search: assetSearch('-kind:spin'),
      };
      for (let i = 0; i < 2; i++) expect(indexed.count(negated)).toBe(plain.count(negated));
      expect(plain.count(negated)).toBe(0);
      expect(indexed.page(negated, 0, 10, false)).toEqual([]);
    } finally {
      db.prepare('DELETE FROM spins WHERE id = 2').run();
    }
  });

  it('reads the sets of the last query SQL answered once nothing changed for a while', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const index = new ListIndex(db, () => 'one state');
      const ask = (text: string, page: boolean) => {
        const query: AssetQuery = { filter: 'all', sort: 'size', search: assetSearch(text) };
        const selection = index.select(buildAssetQuery(query).terms, 'size', page);
        if (selection) expect(selection.count, text).toBe(plain.count(query));
        return selection !== undefined;
      };
      expect(ask('label:red format:raw', true)).toBe(false);
      expect(ask('label:red format:raw', false)).toBe(false); // a count alone reads nothing
      vi.advanceTimersByTime(1000);
      expect(ask('label:red format:raw', false)).toBe(true); // read while nothing happened
      // Written in between: nothing read (a scan would drop it at its next write).
      expect(ask('color:white width>=2000', true)).toBe(false);
      db.prepare('UPDATE assets SET width = width + 1 WHERE id = 4').run();
      vi.advanceTimersByTime(1000);
      expect(ask('color:white width>=2000', false)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('terms over the other tables', () => {
  const TERMS = [
    'ai:pending',
    'ai:cup -ai:pending',
    'ai:none OR ai:analysed',
    'duration>=10s',
    'codec:h264 OR audio:no',
    'rights:none',
    '-rights:expired',
    'approval:draft',
    'people:no',
    'release:missing',
    'versions>=1',
    'no:product OR sku:abc',
  ];
  const compare = () => {
    for (const text of TERMS)
      for (let ask = 0; ask < 2; ask++) {
        const query: AssetQuery = { filter: 'all', sort: 'name', search: assetSearch(text) };
        expect(indexed.count(query), text).toBe(plain.count(query));
        expect(indexed.page(query, 0, 500, false), text).toEqual(plain.page(query, 0, 500, false));
      }
  };

  it('stay exact as the AI, media facts and settings change', () => {
    // Ids of assets that exist: earlier tests deleted some.
    db.prepare(
      `INSERT OR REPLACE INTO ai_suggestions (asset_id, tag_path, source, confidence, state)
       SELECT id, CASE WHEN id % 2 THEN 'Objects|Cup' ELSE 'Objects|Bag' END, 'objects', 0.4,
              'pending' FROM assets WHERE id % 7 = 3`,
    ).run();
    db.prepare(
      `INSERT INTO media_facts (asset_id, hash, duration_ms, codec, audio)
       SELECT id, hash, id * 100, 'h264', id % 2 FROM assets WHERE id % 9 = 4`,
    ).run();
    compare();
    const pending: AssetQuery = { filter: 'all', sort: 'name', search: assetSearch('ai:pending') };
    const before = plain.count(pending);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('ai.threshold', '0.5')`).run();
    expect(plain.count(pending)).toBeLessThan(before); // the setting changes the answer
    compare();
    db.prepare(`UPDATE ai_suggestions SET state = 'accepted' WHERE asset_id % 3 = 0`).run();
    db.prepare('UPDATE media_facts SET audio = 1 - audio WHERE asset_id % 2 = 0').run();
    compare();
  });
});

describe('a count read inside a transaction', () => {
  it('is not kept past its rollback', () => {
    const query: AssetQuery = { filter: 'all', sort: 'name', search: assetSearch('label:green') };
    const before = plain.count(query);
    expect(indexed.count(query)).toBe(before);
    db.exec('BEGIN');
    try {
      db.prepare("UPDATE assets SET label = 'green' WHERE id % 3 = 0").run();
      expect(indexed.count(query)).toBeGreaterThan(before); // the transaction's own rows
    } finally {
      db.exec('ROLLBACK');
    }
    expect(indexed.count(query)).toBe(before);
  });
});
