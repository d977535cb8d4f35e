// Enqueuing inside a write transaction: the row is part of it, and what runs outside the
// database (the change event, starting the job) waits for the commit. A rollback or a busy
// retry must leave no job running for a row that does not exist.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/job-dto';
import { openDatabase, type Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { JobRepo } from '../repositories/job-repo';
import { tempDir } from '../../test-support/sample-images';
import { JobRegistry } from './job-registry';

let dir: string;
let db: Db;
let registry: JobRegistry;
let changes: (JobInfo | null)[];
let runs: number[];

const busy = (): Error => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

beforeEach(async () => {
  dir = await tempDir('jobs-txn');
  db = openDatabase(join(dir, 'packshot.db'));
  changes = [];
  runs = [];
  registry = new JobRegistry(new JobRepo(db), {
    adopt: false,
    heartbeatMs: 40,
    onChange: (job) => changes.push(job),
  });
  registry.define<{ n: number }, number>({
    name: 'note',
    concurrency: 2, // room for a second run of one row, were a phantom launched
    label: () => 'Note',
    run: (ctx) => {
      runs.push(ctx.id);
      return Promise.resolve(ctx.args.n);
    },
  });
});

afterEach(async () => {
  await registry.close();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

it('a rolled-back transaction that enqueued starts nothing and says nothing', async () => {
  expect(() =>
    writeTransaction(db, () => {
      registry.enqueue('note', { n: 1 });
      throw new Error('the edit failed');
    }),
  ).toThrow('the edit failed');
  // And a savepoint that threw, inside a transaction that commits.
  writeTransaction(db, () => {
    expect(() =>
      writeTransaction(db, () => {
        registry.enqueue('note', { n: 2 });
        throw new Error('inner');
      }),
    ).toThrow('inner');
  });
  await settle();
  expect(runs).toEqual([]);
  expect(changes).toEqual([]);
  expect(registry.list()).toEqual([]);
});

it('a committed one starts the job after the commit, not before', async () => {
  const id = writeTransaction(db, () => {
    const queued = registry.enqueue('note', { n: 3 });
    expect(changes).toEqual([]);
    expect(registry.get(queued)?.state).toBe('queued');
    return queued;
  });
  expect(changes.map((c) => c?.id)).toContain(id);
  expect((await registry.wait(id)).state).toBe('done');
  expect(runs).toEqual([id]);
});

it('a transaction retried while busy runs its job once', async () => {
  let tries = 0;
  const id = writeTransaction(db, () => {
    tries++;
    const queued = registry.enqueue('note', { n: 4 });
    if (tries < 3) throw busy(); // each refused try's row is rolled back, and its id reused
    return queued;
  });
  expect(tries).toBe(3);
  expect((await registry.wait(id)).state).toBe('done');
  await settle();
  expect(runs).toEqual([id]);
  expect(registry.list().map((j) => j.id)).toEqual([id]);
});

it('while closing: refused outside a transaction, written and left queued inside one', async () => {
  let release: (() => void) | null = null;
  registry.define({
    name: 'short',
    concurrency: 1,
    onClose: 'finish',
    label: () => 'Short',
    run: () => new Promise<void>((resolve) => (release = resolve)),
  });
  registry.enqueue('short', {});
  while (!release) await settle(); // it runs
  const closed = registry.close(); // waits for 'short' to finish
  expect(() => registry.enqueue('note', { n: 5 })).toThrow('The engine is closing');
  const id = writeTransaction(db, () => registry.enqueue('note', { n: 6 }));
  (release as () => void)();
  await closed;
  expect(runs).toEqual([]);
  expect(registry.get(id)).toMatchObject({ state: 'queued', owner: null });
});
