import type { Db } from './open-database';
import { statements } from './statement-cache';

/** Per connection: the row changes of bookkeeping writes (see below). */
const quiet = new WeakMap<Db, number>();

/**
 * The FTS5 tables a search reads that no trigger can count (a virtual table takes none, nor
 * do its shadow tables): every write to them runs inside `countedApart`, so that a set read
 * from one is kept while others change (the AI job writes ai_words and a dozen plain tables
 * for every asset; a free word's set followed all of them). A new writer must do the same:
 * fts-writers.test.ts lists every statement that writes them.
 */
export const COUNTED_APART = ['ai_words', 'document_text'] as const;
export type CountedApart = (typeof COUNTED_APART)[number];

/** Per connection: the row changes made inside `countedApart`, per table. */
const apart = new WeakMap<Db, Map<CountedApart, number>>();

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

/**
 * Runs writes to one of the COUNTED_APART tables, adding their row changes to its own
 * count (`apartChanges`). They still count in `listChanges`. Anything else written inside
 * counts for that table too: more than its own writes, never fewer.
 */
export function countedApart<T>(db: Db, table: CountedApart, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    const counts = apart.get(db) ?? new Map<CountedApart, number>();
    apart.set(db, counts);
    counts.set(table, (counts.get(table) ?? 0) + totalChanges(db) - before);
  }
}

/** Row changes made through this connection inside `countedApart` for this table. */
export function apartChanges(db: Db, table: CountedApart): number {
  return apart.get(db)?.get(table) ?? 0;
}

/** The connection's row changes (total_changes()) less its bookkeeping writes. */
export function listChanges(db: Db): number {
  return totalChanges(db) - (quiet.get(db) ?? 0);
}
