// rightsBadges skips the badge query in a library with no licence link and no decision: its
// answers must be the plain query's for every id, whether the tables are empty, hold
// decisions only undone, or a mix. The plain query (the badge for each id) is written here.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { addDays, expiredSql, expiringSql, today } from '../rights/licence-dates';
import { APPROVAL_STATE_SQL } from './approval-repo';
import { rightsBadges } from './rights-badges';

let dir: string;
let db: Db;
const IDS = Array.from({ length: 40 }, (_, i) => i + 1);

beforeAll(async () => {
  dir = await tempDir('rights-badges-sql');
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', '2026')`).run(dir);
  const asset = db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, folder, bytes, mtime_ms, hash, state,
       thumb, added_at, kind)
     VALUES (?, 1, ?, ?, '', 1, 1, ?, 'ok', 'ready', 1, 'image')`,
  );
  // Every fifth asset has no hash yet: a decision cannot match its content.
  for (const id of IDS) asset.run(id, `${id}.jpg`, `${id}.jpg`, id % 5 === 0 ? null : `h${id}`);
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Each id's badge by the one query over every id, as rightsBadges read it before. */
function plain(ids: readonly number[]): Map<number, unknown> {
  const day = today();
  const params: unknown[] = [];
  const expired = expiredSql(day, params);
  params.push(day);
  const expiring = expiringSql(day, params);
  const flag = `(SELECT CASE
    WHEN max(${expired} OR (l.starts_on IS NOT NULL AND l.starts_on > ?)) THEN 'block'
    WHEN max(${expiring}) THEN 'warn'
    WHEN count(*) > 0 THEN 'ok' END
  FROM asset_licences al JOIN licences l ON l.id = al.licence_id WHERE al.asset_id = a.id)`;
  const rows = db
    .prepare<unknown[], { id: number; rightsFlag: string | null; approval: string }>(
      `SELECT a.id, ${flag} AS rightsFlag, ${APPROVAL_STATE_SQL} AS approval
       FROM json_each(?) j JOIN assets a ON a.id = j.value`,
    )
    .all(...params, JSON.stringify(ids));
  return new Map(rows.map(({ id, ...badge }) => [id, badge]));
}

const sorted = (m: Map<number, unknown>) => [...m].sort((a, b) => a[0] - b[0]);
const same = (ids: readonly number[]) => {
  const got = rightsBadges(db, ids);
  expect(sorted(got)).toEqual(sorted(plain(ids)));
  expect(got.size).toBe(ids.length);
};

describe('rights badges against the plain query', () => {
  it('with neither licences nor decisions: no flag, draft', () => {
    same(IDS);
    expect(rightsBadges(db, [3]).get(3)).toEqual({ rightsFlag: null, approval: 'draft' });
  });

  it('with decisions all undone', () => {
    const decide = db.prepare(
      `INSERT INTO approvals (asset_id, hash, state, who, at, comment, undone_at)
       VALUES (?, ?, ?, 'R', 1, NULL, ?)`,
    );
    decide.run(4, 'h4', 'approved', 2);
    same(IDS);
    // And live ones: on this content, on older content, on an asset without a hash.
    decide.run(6, 'h6', 'rejected', null);
    decide.run(7, 'old', 'approved', null);
    decide.run(10, 'old', 'approved', null);
    decide.run(6, 'h6', 'approved', null); // the later decision wins
    same(IDS);
  });

  it('with licences ended, not started, ending, fine and open-ended, mixed', () => {
    const d = today();
    const licence = db.prepare(
      `INSERT INTO licences (id, name, licensor, type, starts_on, ends_on, warn_days, created_at)
       VALUES (?, ?, 'x', 'royalty-free', ?, ?, ?, 0)`,
    );
    licence.run(1, 'ended', null, addDays(d, -1), 30);
    licence.run(2, 'later', addDays(d, 3), null, 30);
    licence.run(3, 'ending', null, addDays(d, 30), 30);
    licence.run(4, 'fine', null, addDays(d, 31), 30);
    licence.run(5, 'open', null, null, 0);
    const link = db.prepare('INSERT INTO asset_licences (asset_id, licence_id) VALUES (?, ?)');
    for (const id of IDS.filter((i) => i % 3 === 0)) link.run(id, (id % 5) + 1);
    for (const id of [12, 15, 21]) link.run(id, 4);
    same(IDS);
    same([6, 9, 1, 40, 12]); // a page's order and a subset
    same([]);
  });
});
