// The one way to write more than one statement: an IMMEDIATE transaction, retried while busy.
// A deferred transaction that reads and then writes must upgrade its read lock; when another
// process wrote meanwhile SQLite answers SQLITE_BUSY(_SNAPSHOT) at once, without the busy
// timeout, and the edit is lost. BEGIN IMMEDIATE takes the write lock first, waiting for it
// under the busy timeout, so the work inside never meets a lock. eslint/write-transactions.js keeps
// bare `.transaction(` calls out of the engine outside db/.
import { retryWhileBusy } from './busy-retry';
import type { Db } from './open-database';

type Hook = () => void;

/** Per connection, the after-commit hooks of each open writeTransaction, innermost last. */
const open = new WeakMap<Db, Hook[][]>();

/**
 * Runs `work` in one IMMEDIATE transaction and returns its result; a throw rolls it all
 * back. Inside a caller's transaction it is a savepoint of it (a throw undoes only `work`),
 * and only the outermost call retries: the whole transaction runs again when SQLite answers
 * busy, which with IMMEDIATE happens at BEGIN, before `work` ran. Bounded: after some 10 tries
 * (each waiting up to the busy timeout) the busy error reaches the caller.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  if (db.inTransaction) {
    const parent = open.get(db)?.at(-1);
    const { value, hooks } = withHooks(db, () => db.transaction(work).immediate());
    if (hooks.length > 0 && !parent)
      throw new Error('afterCommit in a transaction that writeTransaction did not begin');
    parent?.push(...hooks);
    return value;
  }
  // Each try collects its own hooks: a try that failed (busy, then run again) drops its own.
  const { value, hooks } = retryWhileBusy(
    () => withHooks(db, () => db.transaction(work).immediate()),
    { attempts: 10, waitMs: 10, maxWaitMs: 250 },
  );
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      // The transaction is committed: its caller's work stands, whatever a follower did.
      console.warn(
        `packshot: after commit: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return value;
}

/**
 * Runs `fn` once the outermost writeTransaction on `db` commits, and never when it rolls back
 * or runs again (busy): effects outside the database (events, starting a job, timers) for rows
 * the transaction wrote. Hooks run in the order they were added. Outside a transaction: now.
 */
export function afterCommit(db: Db, fn: Hook): void {
  const frame = open.get(db)?.at(-1);
  if (frame) frame.push(fn);
  else if (db.inTransaction)
    throw new Error('afterCommit in a transaction that writeTransaction did not begin');
  else fn();
}

/** Runs one (sub)transaction with a frame for its hooks; a throw drops them with it. */
function withHooks<T>(db: Db, run: () => T): { value: T; hooks: Hook[] } {
  let stack = open.get(db);
  if (!stack) open.set(db, (stack = []));
  const hooks: Hook[] = [];
  stack.push(hooks);
  try {
    return { value: run(), hooks };
  } finally {
    stack.pop();
  }
}
