// Who holds a job row, and when a holder counts as gone (so its rows may be taken over).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobOwner, JobRow } from '../repositories/job-repo';
import { pidAlive } from '../tools/files/process-alive';

/** This process: pid and host for the liveness check, a token that no restart reuses. */
export function thisProcess(): JobOwner {
  return { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') };
}

/**
 * A row's holder is gone when nobody holds it, when it was a process on this host that no
 * longer runs, or when it has not renewed the lease for `staleMs` (another host, or a pid
 * reused by an unrelated process). Our own rows are never stale.
 */
export function staleCheck(
  me: JobOwner,
  staleMs: number,
  now: number,
  alive: (pid: number) => boolean = pidAlive,
): (row: JobRow) => boolean {
  return (row) => {
    if (row.owner_token === me.token) return false;
    if (row.owner_token === null) return true;
    if (row.owner_host === me.host && row.owner_pid !== null && !alive(row.owner_pid)) return true;
    return (row.heartbeat_at ?? 0) < now - staleMs;
  };
}
