// The index queue as 'index' rows: one per burst of work with the queue's progress, a row
// left by a dead process resumed by re-queuing, a cancel that drops what has not started.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open-database';
import { IndexQueue } from '../ingest/index-queue';
import { JobRepo } from '../repositories/job-repo';
import { tempDir } from '../../test-support/sample-images';
import { JobRegistry } from './job-registry';
import { trackQueue, type QueueTracker } from './track-queue';

let dir: string;
let db: Db;
let registry: JobRegistry;
let queue: IndexQueue;
let gates: Map<number, () => void>;
let resumed: number;

/** A real index queue whose work waits until the test lets each id through. */
function setUp(adopt: boolean, resume: () => void = () => undefined): void {
  registry = new JobRegistry(new JobRepo(db), { adopt, heartbeatMs: 40 });
  let tracker: QueueTracker | null = null;
  queue = new IndexQueue({
    concurrency: 1,
    progressInterval: 0,
    onProgress: (p) => tracker?.onProgress(p),
    work: (id) => new Promise((resolve) => gates.set(id, () => resolve('ok'))),
  });
  tracker = trackQueue(registry, queue, {
    resume: () => {
      resumed++;
      resume();
    },
  });
}

async function release(id: number): Promise<void> {
  while (!gates.has(id)) await new Promise((r) => setTimeout(r, 2));
  gates.get(id)?.();
  gates.delete(id);
}

const indexRows = () => registry.list().filter((j) => j.name === 'index');

beforeEach(async () => {
  dir = await tempDir('track-queue');
  db = openDatabase(join(dir, 'packshot.db'));
  gates = new Map();
  resumed = 0;
});

afterEach(async () => {
  for (const open of gates.values()) open();
  await queue.stop();
  await registry.close();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

it('makes one row per burst, with the queue’s progress, done when the queue is idle', async () => {
  setUp(false);
  queue.enqueue([1, 2, 3]);
  queue.enqueue([4]); // same burst
  await release(1);
  await release(2);
  const [running] = indexRows();
  expect(running).toMatchObject({ label: 'Index files', state: 'running' });
  expect(running?.progress).toMatchObject({ done: 2, total: 4 });
  await release(3);
  await release(4);
  const first = await registry.wait(running?.id ?? 0);
  expect(first).toMatchObject({ state: 'done', done: 4, total: 4 });

  queue.enqueue([5]);
  await release(5);
  await queue.whenIdle();
  const rows = indexRows();
  expect(rows).toHaveLength(2);
  const second = await registry.wait(rows[0]?.id ?? 0);
  expect(second).toMatchObject({ state: 'done', done: 1, total: 1 });
  expect(resumed).toBe(0);
});

it('resumes a row whose process died by re-queuing the unfinished assets', async () => {
  const dead = spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
  const id = Number(
    db
      .prepare(
        `INSERT INTO jobs (name, state, done, total, attempts, created_at, owner_pid, owner_host, owner_token, heartbeat_at)
         VALUES ('index', 'running', 10, 50, 1, 0, ?, ?, 'dead', 0)`,
      )
      .run(dead, hostname()).lastInsertRowid,
  );
  // What assets.unfinishedIds() would give.
  setUp(true, () => queue.enqueue([7, 8]));
  registry.start();
  await release(7);
  await release(8);
  expect(await registry.wait(id)).toMatchObject({ state: 'done', attempts: 2, done: 2, total: 2 });
  expect(resumed).toBe(1);
  expect(indexRows()).toHaveLength(1);
});

it('on cancel drops what has not started', async () => {
  setUp(false);
  queue.enqueue([1, 2, 3]);
  await new Promise((r) => setTimeout(r, 10)); // the row's run has begun
  const [row] = indexRows();
  expect(registry.cancel(row?.id ?? 0)).toBe(true);
  await release(1);
  expect(await registry.wait(row?.id ?? 0)).toMatchObject({ state: 'cancelled' });
  await queue.whenIdle();
  expect(queue.status()).toMatchObject({ running: false, done: 1 });
});
