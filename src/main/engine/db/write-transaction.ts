// The one way to write more than one statement: an IMMEDIATE transaction, retried while busy.
// A deferred transaction that reads and then writes must upgrade its read lock; when another
// process wrote meanwhile SQLite answers SQLITE_BUSY(_SNAPSHOT) at once, without the busy
// timeout, and the edit is lost. BEGIN IMMEDIATE takes the write lock first, waiting for it
// under the busy timeout, so the work inside never meets a lock. eslint/write-transactions.js keeps
// bare `.transaction(` calls out of the engine outside db/.
import { retryWhileBusy } from './busy-retry';
import type { Db } from './open-database';

/**
 * Runs `work` in one IMMEDIATE transaction and returns its result; a throw rolls it all
 * back. Inside a caller's transaction it is a savepoint of it (a throw undoes only `work`),
 * and only the outermost call retries: the whole transaction runs again when SQLite answers
 * busy, which with IMMEDIATE happens at BEGIN, before `work` ran. Bounded: after some 10 tries
 * (each waiting up to the busy timeout) the busy error reaches the caller.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  if (db.inTransaction) return db.transaction(work).immediate();
  return retryWhileBusy(() => db.transaction(work).immediate(), {
    attempts: 10,
    waitMs: 10,
    maxWaitMs: 250,
  });
}
