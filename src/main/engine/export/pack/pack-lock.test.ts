// The pack folder's lock: a live holder makes the next export wait, then fail clearly; a
// holder that died, or stopped its heartbeat, is taken over; only the holder removes it.
import { spawnSync } from 'node:child_process';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/sample-images';
import { LOCK_FILE, PackLock } from './pack-lock';

let dir: string;
const never = new AbortController().signal;

beforeEach(async () => {
  dir = await tempDir('pack-lock');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended (its id is not reused this soon). */
function deadPid(): string {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout;
}

it('a second taker waits for a live holder, then fails naming it; after release it takes it', async () => {
  const first = await PackLock.acquire(dir, { signal: never, waitMs: 0 });
  let told = 0;
  await expect(
    PackLock.acquire(dir, { signal: never, waitMs: 300, onWait: () => told++ }),
  ).rejects.toThrow(`being written by another export (process ${process.pid} on ${hostname()}`);
  expect(told).toBe(1);
  await first.release();
  const second = await PackLock.acquire(dir, { signal: never, waitMs: 0 });
  await second.assertHeld();
  await second.release();
  await expect(readFile(join(dir, LOCK_FILE))).rejects.toThrow(/ENOENT/);
});

it('takes over the lock of a process that died, and of a holder whose heartbeat stopped', async () => {
  const dead = { pid: Number(deadPid()), host: hostname(), token: 'dead', since: '' };
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(dead));
  const a = await PackLock.acquire(dir, { signal: never, waitMs: 0 });
  await a.release();

  // Another host's lock cannot be checked by pid: a minute without a heartbeat is stale.
  const far = { pid: 1, host: 'another-host', token: 'far', since: '' };
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(far));
  await expect(PackLock.acquire(dir, { signal: never, waitMs: 0 })).rejects.toThrow(
    /process 1 on another-host/,
  );
  const old = new Date(Date.now() - 120_000);
  await utimes(join(dir, LOCK_FILE), old, old);
  const b = await PackLock.acquire(dir, { signal: never, waitMs: 0 });
  expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
    pid: process.pid,
  });
  await b.release();
});

it('a holder whose lock was taken over knows it before it commits', async () => {
  const a = await PackLock.acquire(dir, { signal: never, waitMs: 0 });
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 2, host: 'x', token: 'y' }));
  await expect(a.assertHeld()).rejects.toThrow(/lost the folder's lock/);
  await a.release(); // not its lock any more: left in place
  expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ token: 'y' });
});

it('a cancelled wait ends at once', async () => {
  const a = await PackLock.acquire(dir, { signal: never, waitMs: 0 });
  const stop = new AbortController();
  stop.abort();
  await expect(PackLock.acquire(dir, { signal: stop.signal, waitMs: 60_000 })).rejects.toThrow(
    /another export/,
  );
  await a.release();
});
