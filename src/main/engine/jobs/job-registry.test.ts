// The registry on a real SQLite file: claim, complete, fail, cancel, retry, the lock of a
// key, and rows of a dead process taken over and resumed.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open-database';
import { JobRepo } from '../repositories/job-repo';
import { tempDir } from '../../test-support/sample-images';
import { JobRegistry, type JobRegistryOptions } from './job-registry';

let dir: string;
let dbs: Db[];
let registries: JobRegistry[];

beforeEach(async () => {
  dir = await tempDir('jobs');
  dbs = [];
  registries = [];
});

afterEach(async () => {
  for (const r of registries) await r.close();
  for (const db of dbs) db.close();
  await rm(dir, { recursive: true, force: true });
});

/** A registry on its own connection to the one data folder, as another engine has. */
function open(options: Partial<JobRegistryOptions> = {}): { registry: JobRegistry; db: Db } {
  const db = openDatabase(join(dir, 'packshot.db'));
  dbs.push(db);
  const registry = new JobRegistry(new JobRepo(db), { adopt: false, heartbeatMs: 40, ...options });
  registries.push(registry);
  return { registry, db };
}

/** Resolves when `signal` aborts (or has). */
const aborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

it('runs a job to done with its result and progress', async () => {
  const { registry } = open();
  registry.define<{ n: number }, { twice: number }>({
    name: 'double',
    concurrency: 1,
    label: ({ n }) => `Double ${n}`,
    run: async (ctx) => {
      ctx.progress(1, 1);
      return Promise.resolve({ twice: ctx.args.n * 2 });
    },
  });
  const id = registry.enqueue('double', { n: 21 });
  const row = await registry.wait(id);
  expect(row.state).toBe('done');
  expect(JSON.parse(row.result ?? 'null')).toEqual({ twice: 42 });
  const info = registry.get(id);
  expect(info).toMatchObject({ label: 'Double 21', state: 'done', owner: null, attempts: 1 });
  expect(info?.progress).toMatchObject({ done: 1, total: 1 });
});

it('records why a job failed, and retry runs it again', async () => {
  const { registry } = open();
  let calls = 0;
  registry.define({
    name: 'flaky',
    concurrency: 1,
    label: () => 'Flaky',
    run: async () => {
      calls++;
      if (calls === 1) throw new Error('disk unplugged');
      return Promise.resolve('ok');
    },
  });
  const id = registry.enqueue('flaky', {});
  expect(await registry.wait(id)).toMatchObject({ state: 'failed', error: 'disk unplugged' });
  expect(() => registry.retry(id + 100)).toThrow(/No job/);
  registry.retry(id);
  expect(await registry.wait(id)).toMatchObject({ state: 'done', error: null, attempts: 2 });
  expect(() => registry.retry(id)).toThrow(/has not failed/);
});

it('bounds concurrency per name, cancels a running job and a queued one', async () => {
  const { registry } = open();
  let active = 0;
  let most = 0;
  registry.define({
    name: 'slow',
    concurrency: 2,
    label: () => 'Slow',
    run: async (ctx) => {
      most = Math.max(most, ++active);
      await aborted(ctx.signal);
      active--;
      return 'stopped';
    },
  });
  const ids = [1, 2, 3].map(() => registry.enqueue('slow', {}));
  const [a, b, c] = ids as [number, number, number];
  expect(registry.get(c)?.state).toBe('queued');
  expect(registry.cancel(c)).toBe(true);
  expect(registry.get(c)?.state).toBe('cancelled');
  expect(registry.cancel(a)).toBe(true);
  expect(await registry.wait(a)).toMatchObject({ state: 'cancelled' });
  expect(registry.cancel(a)).toBe(false);
  registry.cancel(b);
  await registry.wait(b);
  expect(most).toBe(2);
});

it('answers conflict for a second live job under one key, and supersedes a dead one', async () => {
  const { registry, db } = open();
  const release: (() => void)[] = [];
  registry.define<{ out: string }, null>({
    name: 'pack',
    concurrency: 4,
    label: ({ out }) => `Pack into ${out}`,
    lockKey: ({ out }) => `pack:${out}`,
    run: () => new Promise((resolve) => release.push(() => resolve(null))),
  });
  const first = registry.enqueue('pack', { out: '/a' });
  expect(() => registry.enqueue('pack', { out: '/a' })).toThrow(/already running/);
  const other = registry.enqueue('pack', { out: '/b' });
  // A row of a process that died, under a third key.
  db.prepare(
    `INSERT INTO jobs (name, args, lock_key, state, created_at, owner_pid, owner_host, owner_token, heartbeat_at)
     VALUES ('pack', '{"out":"/c"}', 'pack:/c', 'running', 0, ?, ?, 'gone', 0)`,
  ).run(deadPid(), hostname());
  const fresh = registry.enqueue('pack', { out: '/c' });
  expect(registry.list(['cancelled'])).toMatchObject([{ error: 'superseded by a newer job' }]);
  while (release.length < 3) await new Promise((r) => setTimeout(r, 5));
  for (const done of release) done();
  for (const id of [first, other, fresh]) expect((await registry.wait(id)).state).toBe('done');
});

it('takes over and resumes a row whose owner died; a non-adopting engine leaves it', async () => {
  const { db } = open();
  const insert = db.prepare(
    `INSERT INTO jobs (name, args, state, done, total, attempts, created_at, started_at, owner_pid, owner_host, owner_token, heartbeat_at)
     VALUES ('resume', '{"from":3}', 'running', 3, 10, 1, 0, 0, ?, ?, 'dead-token', ?)`,
  );
  const id = Number(insert.run(deadPid(), hostname(), Date.now() - 60_000).lastInsertRowid);
  const seen: { from: number; previous: number }[] = [];
  const define = (registry: JobRegistry): void => {
    registry.define<{ from: number }, null>({
      name: 'resume',
      concurrency: 1,
      label: () => 'Resume',
      run: async (ctx) => {
        seen.push({ from: ctx.args.from, previous: ctx.previousAttempts });
        return Promise.resolve(null);
      },
    });
  };
  const bystander = open({ adopt: false }).registry;
  define(bystander);
  bystander.start();
  await new Promise((r) => setTimeout(r, 150));
  expect(bystander.get(id)?.state).toBe('running');
  expect(seen).toEqual([]);

  const heir = open({ adopt: true }).registry;
  define(heir);
  heir.start();
  expect(await heir.wait(id)).toMatchObject({ state: 'done', attempts: 2 });
  expect(seen).toEqual([{ from: 3, previous: 1 }]);
});

it('keeps a live owner’s row, and a cancel from another process stops the runner', async () => {
  const a = open({ adopt: true }).registry;
  const b = open({ adopt: true }).registry;
  const started: number[] = [];
  for (const registry of [a, b]) {
    registry.define({
      name: 'long',
      concurrency: 1,
      label: () => 'Long',
      run: async (ctx) => {
        started.push(ctx.id);
        await aborted(ctx.signal);
        return null;
      },
    });
    registry.start();
  }
  const id = a.enqueue('long', {});
  await new Promise((r) => setTimeout(r, 200)); // several beats of both
  expect(started).toEqual([id]);
  expect(b.get(id)).toMatchObject({ state: 'running', owner: 'other' });
  expect(a.get(id)).toMatchObject({ owner: 'this' });
  expect(b.cancel(id)).toBe(true);
  expect(await b.wait(id)).toMatchObject({ state: 'cancelled' });
  expect(started).toEqual([id]);
});

it('on close leaves a long job queued for the next engine, and finishes short ones', async () => {
  const { registry } = open();
  const written: number[] = [];
  registry.define({
    name: 'long',
    concurrency: 1,
    label: () => 'Long',
    run: (ctx) => aborted(ctx.signal),
  });
  registry.define<{ ids: number[] }, null>({
    name: 'short',
    concurrency: 1,
    onClose: 'finish',
    label: () => 'Short',
    merge: (queued, next) => ({ ids: [...queued.ids, ...next.ids] }),
    run: async (ctx) => {
      await new Promise((r) => setTimeout(r, 20));
      written.push(...ctx.args.ids);
      return null;
    },
  });
  const long = registry.enqueue('long', {});
  const s1 = registry.enqueue('short', { ids: [1] }); // starts at once
  const s2 = registry.enqueue('short', { ids: [2] }); // queued…
  expect(registry.enqueue('short', { ids: [3] })).toBe(s2); // …and the next folds into it
  await registry.close();
  expect(written).toEqual([1, 2, 3]);
  expect(registry.get(s1)?.state).toBe('done');
  expect(registry.get(long)).toMatchObject({ state: 'queued', owner: null });
});

it('prunes finished rows beyond the newest kept', async () => {
  const { registry, db } = open({ keep: 2 });
  registry.define({ name: 'n', concurrency: 1, label: () => 'n', run: () => Promise.resolve(1) });
  const ids = [1, 2, 3, 4].map(() => registry.enqueue('n', {}));
  for (const id of ids) await registry.wait(id);
  registry.start();
  const left = db.prepare<[], { id: number }>(`SELECT id FROM jobs ORDER BY id`).all();
  expect(left.map((r) => r.id)).toEqual(ids.slice(2));
});
