const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` again while SQLite answers SQLITE_BUSY. The busy timeout covers most waits,
 * but not all: switching a new database to WAL while another process does the same can
 * answer "database is locked" at once. `work` must be safe to repeat.
 */
export function retryWhileBusy<T>(work: () => T, attempts = 50, waitMs = 20): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return work();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || attempt >= attempts) throw error;
      Atomics.wait(pause, 0, 0, waitMs); // a synchronous pause: opening a database is sync
    }
  }
}
