// A fresh database's schema against the committed snapshot. A migration that changes the
// schema changes the snapshot too, in the same commit, so review sees the schema's diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from './open-database';
import { parseSchemaText, schemaDiff, schemaEntries, schemaText } from './schema-dump';

const SNAPSHOT = join(import.meta.dirname, 'schema.snapshot.sql');
const UPDATE = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/main/engine/db/schema-snapshot.test.ts';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('schema-snapshot');
  db = openDatabase(join(dir, 'packshot.db'));
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('schema snapshot', () => {
  it('matches schema.snapshot.sql', () => {
    const now = schemaEntries(db);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schemaText(now));
    const committed = readFileSync(SNAPSHOT, 'utf8');
    const diff = schemaDiff(parseSchemaText(committed), now);
    if (diff.length > 0) {
      expect.fail(
        `The schema differs from ${SNAPSHOT} (+ added, - removed, ~ changed):\n\n` +
          `${diff.join('\n\n')}\n\nIf the change is meant, update the snapshot: ${UPDATE}`,
      );
    }
    // The diff is by entry; the text must also round-trip, so a parse bug cannot hide one.
    expect(committed).toBe(schemaText(now));
  });

  it('names what a migration added, removed or changed', () => {
    const before = parseSchemaText(schemaText(schemaEntries(db)));
    const after = before
      .filter((e) => e.key !== 'index assets_by_hash')
      .map((e) => (e.key === 'user_version' ? { ...e, text: 'PRAGMA user_version = 999;' } : e))
      .concat({ key: 'table extra', text: '-- table extra on extra\nCREATE TABLE extra (x);' });
    expect(schemaDiff(before, after)).toEqual([
      expect.stringMatching(
        /^~ user_version\n {2}was: PRAGMA user_version = \d+;\n {2}now: PRAGMA user_version = 999;$/,
      ),
      '+ table extra\n-- table extra on extra\nCREATE TABLE extra (x);',
      '- index assets_by_hash',
    ]);
  });
});
