import type { Db } from './open-database';
import { statements } from './statement-cache';
import { listChanges } from './bookkeeping-writes';

/** Tables whose writes never change a list: the job rows (a heartbeat every 2 s). */
const UNREAD = new Set(['jobs']);

/** Per connection: the tables counted, or null where the counters could not be made. */
const counted = new WeakMap<Db, Set<string> | null>();

/**
 * Per-table change counters for this connection: TEMP triggers (this connection's own,
 * never in the file) add one per row written, so a set read from some tables is kept while
 * only others change (the AI job writing its findings does not drop a tag's set). Other
 * connections' commits are seen by data_version, not here. The virtual tables (FTS5) take
 * no triggers: assets_fts and tags_fts follow assets and tags through the schema's own
 * triggers; a table not counted (ai_words, document_text, a table made since) answers the
 * connection's whole change count, as every table did before.
 */
export function tableGeneration(db: Db, tables: readonly string[]): string {
  const known = countersOf(db);
  const counts = new Map<string, number>();
  if (known)
    for (const r of statements(db)
      .prepare<[], { name: string; n: number }>('SELECT name, n FROM temp.list_table_changes')
      .all())
      counts.set(r.name, r.n);
  const shadowOf: Record<string, string> = { assets_fts: 'assets', tags_fts: 'tags' };
  return tables
    .map((t) => {
      const table = shadowOf[t] ?? t;
      const n = known?.has(table) ? counts.get(table) : undefined;
      return n === undefined ? `*${listChanges(db)}` : `${n}`;
    })
    .join(',');
}

function countersOf(db: Db): Set<string> | null {
  const had = counted.get(db);
  if (had !== undefined) return had;
  let tables: Set<string> | null = null;
  try {
    const all = db
      .prepare<[], { name: string; sql: string | null }>(
        `SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all();
    const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql ?? '')).map((t) => t.name);
    const plain = all
      .map((t) => t.name)
      .filter((n) => /^\w+$/.test(n) && !UNREAD.has(n) && !virtual.includes(n))
      .filter((n) => !virtual.some((v) => n.startsWith(`${v}_`))); // FTS5's own tables
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS list_table_changes (name TEXT PRIMARY KEY, n INTEGER NOT NULL)',
    );
    for (const name of plain) {
      db.prepare('INSERT OR IGNORE INTO temp.list_table_changes (name, n) VALUES (?, 0)').run(name);
      for (const op of ['INSERT', 'UPDATE', 'DELETE'])
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS list_changes_${name}_${op.toLowerCase()}
          AFTER ${op} ON main.${name} BEGIN
          UPDATE temp.list_table_changes SET n = n + 1 WHERE name = '${name}'; END`);
    }
    tables = new Set(plain);
  } catch {
    tables = null; // a read-only connection: every table answers the whole change count
  }
  counted.set(db, tables);
  return tables;
}
