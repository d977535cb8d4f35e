// A long-lived engine makes the list index's change counters in its first idle moment, so the
// first list a user waits on (the one after adding a catalog) does not make them; a one-shot
// engine never makes them unless it lists (its writes then pay no trigger).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { ListIndex } from './list-index';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = await tempDir('list-index-warm');
  db = openDatabase(join(dir, 'packshot.db'));
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const counterTriggers = () =>
  db
    .prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'list_changes_%'`,
    )
    .get()?.n ?? 0;

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('list index warm-up', () => {
  it('makes the change counters in the first idle turn when long-lived', async () => {
    new ListIndex(db, () => 'state', true);
    expect(counterTriggers()).toBe(0); // not while the engine is being made
    await turn();
    expect(counterTriggers()).toBeGreaterThan(0);
  });

  it('leaves a one-shot engine without them', async () => {
    new ListIndex(db, () => 'state');
    await turn();
    await turn();
    expect(counterTriggers()).toBe(0);
  });
});
