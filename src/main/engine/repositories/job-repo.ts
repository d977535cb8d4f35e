// The jobs table (migration 14): every SQL statement about durable jobs. Whatever decides
// which row a process may take (claim, take-over, the lock of a key) runs in an IMMEDIATE
// transaction, so two processes on one data folder serialise on SQLite's write lock and
// never both take one row.
import type { JobState } from '../../../shared/job-dto';
import type { Db } from '../db/open-database';
import { bookkeeping } from '../db/bookkeeping-writes';
import { statements } from '../db/statement-cache';
import { afterCommit, writeTransaction } from '../db/write-transaction';

/** The process holding a row's lease. */
export interface JobOwner {
  pid: number;
  host: string;
  token: string;
}

export interface JobRow {
  id: number;
  name: string;
  args: string;
  lock_key: string | null;
  state: JobState;
  done: number;
  total: number;
  rate: number;
  detail: string | null;
  result: string | null;
  error: string | null;
  attempts: number;
  cancel_requested: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  owner_pid: number | null;
  owner_host: string | null;
  owner_token: string | null;
  heartbeat_at: number | null;
}

export interface NewJob {
  name: string;
  args: string;
  lockKey: string | null;
}

/** A live row of this process as the heartbeat sees it. */
export type LeaseView = Pick<JobRow, 'id' | 'state' | 'cancel_requested'>;

const FINISHED = `state IN ('done', 'failed', 'cancelled')`;

export class JobRepo {
  constructor(private readonly db: Db) {}

  /** True inside a caller's transaction: what is written now may still be rolled back. */
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** Runs `fn` once the caller's transaction commits (now, outside one); never on rollback. */
  afterCommit(fn: () => void): void {
    afterCommit(this.db, fn);
  }

  get(id: number): JobRow | null {
    return (
      statements(this.db).prepare<[number], JobRow>(`SELECT * FROM jobs WHERE id = ?`).get(id) ??
      null
    );
  }

  /** Newest first; live rows before finished ones. */
  list(states: readonly JobState[] | null, limit: number): JobRow[] {
    const where = states ? `WHERE state IN (${states.map(() => '?').join(',')})` : '';
    return statements(this.db)
      .prepare<unknown[], JobRow>(
        `SELECT * FROM jobs ${where}
         ORDER BY state IN ('queued', 'running') DESC, id DESC LIMIT ?`,
      )
      .all(...(states ?? []), limit);
  }

  /**
   * Inserts a queued row leased to `owner`. With a lock key: a live row under the key whose
   * owner is alive is a conflict (returns it, inserts nothing); a dead owner's row is ended
   * as superseded, since the new job does its work.
   */
  insert(
    job: NewJob,
    owner: JobOwner,
    now: number,
    isStale: (row: JobRow) => boolean,
  ): { id: number } | { conflict: JobRow } {
    return writeTransaction(this.db, () => {
      if (job.lockKey !== null) {
        const live = statements(this.db)
          .prepare<[string], JobRow>(
            `SELECT * FROM jobs WHERE lock_key = ? AND state IN ('queued', 'running')`,
          )
          .all(job.lockKey);
        const alive = live.find((row) => row.owner_token === owner.token || !isStale(row));
        if (alive) return { conflict: alive };
        for (const row of live)
          this.end(row.id, row.owner_token, 'cancelled', null, 'superseded by a newer job', now);
      }
      const info = statements(this.db)
        .prepare(
          `INSERT INTO jobs (name, args, lock_key, created_at, owner_pid, owner_host, owner_token, heartbeat_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(job.name, job.args, job.lockKey, now, owner.pid, owner.host, owner.token, now);
      return { id: Number(info.lastInsertRowid) };
    });
  }

  /**
   * Folds new arguments into this process's newest queued row of `name` (not yet started),
   * so bursts of small work (XMP writes) make one row. False when there is none.
   */
  mergeQueued(name: string, owner: JobOwner, merge: (args: string) => string): number | null {
    return writeTransaction(this.db, () => {
      const row = statements(this.db)
        .prepare<[string, string], { id: number; args: string }>(
          `SELECT id, args FROM jobs WHERE name = ? AND owner_token = ? AND state = 'queued'
             AND cancel_requested = 0 ORDER BY id DESC LIMIT 1`,
        )
        .get(name, owner.token);
      if (!row) return null;
      statements(this.db)
        .prepare(`UPDATE jobs SET args = ? WHERE id = ?`)
        .run(merge(row.args), row.id);
      return row.id;
    });
  }

  /** Starts this process's oldest queued row of `name`, or returns null. */
  claim(name: string, owner: JobOwner, now: number): JobRow | null {
    return writeTransaction(this.db, () => {
      const row = statements(this.db)
        .prepare<[string, string], JobRow>(
          `SELECT * FROM jobs WHERE state = 'queued' AND name = ? AND owner_token = ?
             ORDER BY id LIMIT 1`,
        )
        .get(name, owner.token);
      if (!row) return null;
      statements(this.db)
        .prepare(
          `UPDATE jobs SET state = 'running', attempts = attempts + 1, heartbeat_at = ?,
             started_at = COALESCE(started_at, ?) WHERE id = ?`,
        )
        .run(now, now, row.id);
      return { ...row, state: 'running' as const, attempts: row.attempts + 1 };
    });
  }

  /**
   * Takes over every live row whose owner is gone (`isStale` decides): leased to `owner`
   * and queued again, so its handler resumes it. Returns how many.
   */
  adopt(owner: JobOwner, names: readonly string[], now: number, isStale: (r: JobRow) => boolean) {
    if (names.length === 0) return 0;
    return writeTransaction(this.db, () => {
      const rows = statements(this.db)
        .prepare<unknown[], JobRow>(
          `SELECT * FROM jobs WHERE state IN ('queued', 'running')
             AND name IN (${names.map(() => '?').join(',')})
             AND (owner_token IS NULL OR owner_token != ?)`,
        )
        .all(...names, owner.token);
      const take = statements(this.db).prepare(
        `UPDATE jobs SET state = 'queued', owner_pid = ?, owner_host = ?, owner_token = ?,
           heartbeat_at = ? WHERE id = ?`,
      );
      let taken = 0;
      for (const row of rows.filter(isStale)) {
        take.run(owner.pid, owner.host, owner.token, now, row.id);
        taken++;
      }
      return taken;
    });
  }

  /** Renews the lease of this process's live rows; returns them (cancel flags included). */
  heartbeat(owner: JobOwner, now: number): LeaseView[] {
    // Two statements, no transaction: only this process renews its own rows, and a row taken
    // over in between is simply missing from the answer (the lease is lost either way).
    // Bookkeeping: no list reads jobs, so the beat keeps the list index (listChanges).
    bookkeeping(this.db, () =>
      statements(this.db)
        .prepare(
          `UPDATE jobs SET heartbeat_at = ? WHERE owner_token = ? AND state IN ('queued', 'running')`,
        )
        .run(now, owner.token),
    );
    return statements(this.db)
      .prepare<[string], LeaseView>(
        `SELECT id, state, cancel_requested FROM jobs
         WHERE owner_token = ? AND state IN ('queued', 'running')`,
      )
      .all(owner.token);
  }

  progress(id: number, token: string, p: Pick<JobRow, 'done' | 'total' | 'rate' | 'detail'>) {
    statements(this.db)
      .prepare(
        `UPDATE jobs SET done = ?, total = ?, rate = ?, detail = ? WHERE id = ? AND owner_token = ?`,
      )
      .run(p.done, p.total, p.rate, p.detail, id, token);
  }

  /** Ends a row this process (`token`) holds; false when it lost the lease meanwhile. */
  end(
    id: number,
    token: string | null,
    state: 'done' | 'failed' | 'cancelled',
    result: string | null,
    error: string | null,
    now: number,
  ): boolean {
    const info = statements(this.db)
      .prepare(
        `UPDATE jobs SET state = ?, result = ?, error = ?, finished_at = ?, rate = 0,
         owner_pid = NULL, owner_host = NULL, owner_token = NULL
         WHERE id = ? AND owner_token IS ? AND state IN ('queued', 'running')`,
      )
      .run(state, result, error, now, id, token);
    return info.changes > 0;
  }

  /** Gives this process's live rows (or one of them) back, queued, for any engine to resume. */
  release(token: string, id: number | null = null): number {
    const one = id === null ? '' : 'AND id = ?';
    const info = statements(this.db)
      .prepare(
        `UPDATE jobs SET state = 'queued', owner_pid = NULL, owner_host = NULL, owner_token = NULL,
         rate = 0 WHERE owner_token = ? AND state IN ('queued', 'running') ${one}`,
      )
      .run(...(id === null ? [token] : [token, id]));
    return info.changes;
  }

  /**
   * Cancels a queued row at once, or asks its runner (in whichever process) to stop.
   * Returns what happened, or null when the row is finished or unknown.
   */
  cancel(id: number, now: number): 'cancelled' | 'requested' | null {
    return writeTransaction(this.db, () => {
      const row = this.get(id);
      if (!row || (row.state !== 'queued' && row.state !== 'running')) return null;
      if (row.state === 'queued') {
        this.end(id, row.owner_token, 'cancelled', null, null, now);
        return 'cancelled';
      }
      statements(this.db).prepare(`UPDATE jobs SET cancel_requested = 1 WHERE id = ?`).run(id);
      return 'requested';
    });
  }

  /** A failed or cancelled row back to queued, leased to `owner`. */
  retry(id: number, owner: JobOwner, now: number, isStale: (r: JobRow) => boolean) {
    return writeTransaction(this.db, (): 'queued' | 'not_found' | 'not_finished' | 'conflict' => {
      const row = this.get(id);
      if (!row) return 'not_found';
      if (row.state !== 'failed' && row.state !== 'cancelled') return 'not_finished';
      if (row.lock_key !== null) {
        const other = statements(this.db)
          .prepare<[string], JobRow>(
            `SELECT * FROM jobs WHERE lock_key = ? AND state IN ('queued', 'running')`,
          )
          .all(row.lock_key);
        if (other.some((r) => r.owner_token === owner.token || !isStale(r))) return 'conflict';
      }
      statements(this.db)
        .prepare(
          `UPDATE jobs SET state = 'queued', error = NULL, result = NULL, finished_at = NULL,
             cancel_requested = 0, done = 0, rate = 0, detail = NULL,
             owner_pid = ?, owner_host = ?, owner_token = ?, heartbeat_at = ? WHERE id = ?`,
        )
        .run(owner.pid, owner.host, owner.token, now, id);
      return 'queued';
    });
  }

  /** Forgets finished rows but the newest `keep`, and any finished before `before`. */
  prune(keep: number, before: number): number {
    const info = bookkeeping(this.db, () =>
      statements(this.db)
        .prepare(
          `DELETE FROM jobs WHERE ${FINISHED} AND (finished_at < ? OR id NOT IN (
           SELECT id FROM jobs WHERE ${FINISHED} ORDER BY finished_at DESC, id DESC LIMIT ?))`,
        )
        .run(before, keep),
    );
    return info.changes;
  }

  /** Forgets finished rows of one name but its newest `keep` (work with a log of its own). */
  pruneName(name: string, keep: number): number {
    return statements(this.db)
      .prepare(
        `DELETE FROM jobs WHERE name = ? AND ${FINISHED} AND id NOT IN (
           SELECT id FROM jobs WHERE name = ? AND ${FINISHED} ORDER BY id DESC LIMIT ?)`,
      )
      .run(name, name, keep).changes;
  }

  /** Changes when any row is added, moves on, ends or is asked to stop (cheap to compare). */
  fingerprint(): string {
    const row = statements(this.db)
      .prepare<[], { f: string }>(
        `SELECT COUNT(*) || ':' || IFNULL(MAX(id), 0) || ':' || IFNULL(SUM(done), 0) || ':' ||
         IFNULL(MAX(finished_at), 0) || ':' || IFNULL(SUM(cancel_requested), 0) || ':' ||
         IFNULL(SUM(state = 'running'), 0) || ':' || IFNULL(SUM(state = 'queued'), 0) AS f FROM jobs`,
      )
      .get();
    return row?.f ?? '';
  }
}
