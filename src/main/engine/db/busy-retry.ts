const pause = new Int32Array(new SharedArrayBuffer(4));

export interface BusyRetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** The first pause; each later one doubles, up to `maxWaitMs` (default: `waitMs`, no growth). */
  waitMs?: number;
  maxWaitMs?: number;
}

export function isBusy(error: unknown): boolean {
  // SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, …).
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `work` again while SQLite answers SQLITE_BUSY, after a jittered, doubling pause (so
 * processes that collided do not collide again in step), a bounded number of times. The busy
 * timeout covers most waits, but not all: switching a new database to WAL while another
 * process does the same answers "database is locked" at once, and a writer can outwait the
 * timeout under load. `work` must be safe to repeat. The pause is synchronous, as SQLite's
 * own busy wait is: better-sqlite3 calls are.
 */
export function retryWhileBusy<T>(work: () => T, options: BusyRetryOptions = {}): T {
  const { attempts = 50, waitMs = 20 } = options;
  const maxWaitMs = options.maxWaitMs ?? waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
      const ceiling = Math.min(maxWaitMs, waitMs * 2 ** (attempt - 1));
      Atomics.wait(pause, 0, 0, ceiling / 2 + (Math.random() * ceiling) / 2);
    }
  }
}
