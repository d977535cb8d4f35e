// Three real processes on one data folder take over orphaned rows as they appear: every
// row runs exactly once (claims and take-overs are IMMEDIATE transactions).
import { spawn, type ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { tempDir } from '../../test-support/sample-images';

const worker = fileURLToPath(new URL('./fixtures/claim-worker.mjs', import.meta.url));
const ROWS = 150;
const children: ChildProcess[] = [];
let dir = '';

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function startWorker(file: string, stop: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [worker, file, stop], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

it('never runs one row in two processes', async () => {
  dir = await tempDir('jobs-processes');
  const file = join(dir, 'packshot.db');
  const stop = join(dir, 'stop');
  const db = openDatabase(file);
  db.exec(`CREATE TABLE seen (job_id INTEGER NOT NULL, pid INTEGER NOT NULL)`);
  const workers = await Promise.all([1, 2, 3].map(() => startWorker(file, stop)));

  // Orphaned rows (no owner), a few at a time, while all three look for them.
  const insert = db.prepare(
    `INSERT INTO jobs (name, args, state, created_at) VALUES ('work', '{}', 'queued', ?)`,
  );
  for (let i = 0; i < ROWS; i++) {
    insert.run(Date.now());
    if (i % 5 === 0) await new Promise((r) => setTimeout(r, 3));
  }
  const count = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM jobs WHERE state = 'done'`,
  );
  for (let waited = 0; count.get()?.n !== ROWS && waited < 60_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));

  await writeFile(stop, '');
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  const runs = db
    .prepare<[], { job_id: number; n: number }>(
      `SELECT job_id, COUNT(*) AS n FROM seen GROUP BY job_id`,
    )
    .all();
  const pids = db.prepare<[], { pid: number }>(`SELECT DISTINCT pid FROM seen`).all();
  const attempts = db.prepare<[], { a: number }>(`SELECT MAX(attempts) AS a FROM jobs`).get();
  db.close();
  expect(runs).toHaveLength(ROWS);
  expect(runs.filter((r) => r.n !== 1)).toEqual([]);
  expect(attempts?.a).toBe(1);
  // More than one process did take rows: the race was real.
  expect(pids.length).toBeGreaterThan(1);
}, 120_000);
