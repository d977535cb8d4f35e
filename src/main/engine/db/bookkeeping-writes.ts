import type { Db } from './open-database';
import { statements } from './statement-cache';

/** Per connection: the row changes of bookkeeping writes (see below). */
const quiet = new WeakMap<Db, number>();

function totalChanges(db: Db): number {
  return statements(db).prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
}

/**
 * Runs writes to tables no list or search reads (the job heartbeat every 2 s), counting
 * their row changes apart, so `listChanges` stays put and the list index is kept.
 */
export function bookkeeping<T>(db: Db, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    quiet.set(db, (quiet.get(db) ?? 0) + totalChanges(db) - before);
  }
}

/** The connection's row changes (total_changes()) less its bookkeeping writes. */
export function listChanges(db: Db): number {
  return totalChanges(db) - (quiet.get(db) ?? 0);
}
