import type { Db } from './open-database';
import { statements } from './statement-cache';
import { apartChanges, COUNTED_APART, listChanges, type CountedApart } from './bookkeeping-writes';

/** Tables whose writes never change a list: the job rows (a heartbeat every 2 s). */
const UNREAD = new Set(['jobs']);

/** Per connection: the counters made (null: none could be), every table's name, and the
 * schema they were made for (a table made since gets its counters when it is next read). */
const counted = new WeakMap<
  Db,
  { counters: Set<string> | null; tables: Set<string>; schema: number }
>();

/** The assets table is counted per column (a rating edit keeps a tag's set and the name order). */
const BY_COLUMN = 'assets';

/**
 * Change counters for this connection: TEMP triggers (this connection's own, never in the
 * file) add one per row written, per table, and for assets per column updated (`assets`
 * alone: rows added or deleted; `assets.rating`: that column updated; `assets.*`: any of
 * it). A set read from some is kept while only others change: the AI job writing its
 * findings, or a rating edit, does not drop a tag's set. Other connections' commits are
 * seen by data_version, not here. The virtual tables (FTS5) take no triggers: assets_fts
 * and tags_fts follow assets and tags through the schema's own triggers; ai_words and
 * document_text are counted by their writers (bookkeeping-writes' countedApart), and rows
 * they lose with a deleted asset move `assets`, which every term reads; a table not counted
 * answers the connection's whole change count, as every table did before. A schema change
 * (a table or column made since) makes the counters again. Read once: the answer names the
 * counts of that moment.
 */
export function tableChanges(db: Db): (names: readonly string[]) => string {
  const { counters: known, tables } = countersOf(db);
  const all = `*${listChanges(db)}`;
  if (!known) return () => all;
  const counts = new Map<string, number>();
  for (const r of statements(db)
    .prepare<[], { name: string; n: number }>('SELECT name, n FROM temp.list_table_changes')
    .all())
    counts.set(r.name, r.n);
  const expand = (name: string): string[] => {
    if (name === 'tags_fts') return ['tags'];
    // The schema's triggers keep assets_fts: rows added and deleted, these columns updated.
    if (name === 'assets_fts') return ['assets', 'assets.name', 'assets.folder', 'assets.metadata'];
    if (name !== `${BY_COLUMN}.*`) return [name];
    return [...counts.keys()].filter((k) => k === BY_COLUMN || k.startsWith(`${BY_COLUMN}.`));
  };
  // A name that is no table (a column, a keyword) reads nothing; `assets.x` is a counter.
  const read = (name: string) => tables.has(name) || name.startsWith(`${BY_COLUMN}.`);
  const apart = (name: string): name is CountedApart =>
    (COUNTED_APART as readonly string[]).includes(name);
  return (names) =>
    names
      .filter(read)
      .flatMap(expand)
      .map((name) => {
        if (apart(name)) return `v${apartChanges(db, name)}`;
        const n = known.has(name) ? counts.get(name) : undefined;
        return n === undefined ? all : `${n}`;
      })
      .join(',');
}

function countersOf(db: Db): { counters: Set<string> | null; tables: Set<string> } {
  const schema =
    statements(db)
      .prepare<[], { v: number }>('SELECT schema_version AS v FROM pragma_schema_version')
      .get()?.v ?? 0;
  const had = counted.get(db);
  if (had?.schema === schema) return had;
  let tables: Set<string> | null = null;
  const names = new Set<string>();
  try {
    const all = db
      .prepare<[], { name: string; sql: string | null }>(
        `SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all();
    for (const t of all) names.add(t.name);
    const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql ?? '')).map((t) => t.name);
    const plain = all
      .map((t) => t.name)
      .filter((n) => /^\w+$/.test(n) && !UNREAD.has(n) && !virtual.includes(n))
      .filter((n) => !virtual.some((v) => n.startsWith(`${v}_`))); // FTS5's own tables
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS list_table_changes (name TEXT PRIMARY KEY, n INTEGER NOT NULL)',
    );
    const counters: string[] = [];
    const counter = (key: string, trigger: string, event: string, table: string) => {
      counters.push(key);
      db.prepare('INSERT OR IGNORE INTO temp.list_table_changes (name, n) VALUES (?, 0)').run(key);
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS list_changes_${trigger}
        AFTER ${event} ON main.${table} BEGIN
        UPDATE temp.list_table_changes SET n = n + 1 WHERE name = '${key}'; END`);
    };
    for (const name of plain) {
      counter(name, `${name}_insert`, 'INSERT', name);
      counter(name, `${name}_delete`, 'DELETE', name);
      if (name !== BY_COLUMN) counter(name, `${name}_update`, 'UPDATE', name);
      else
        for (const column of db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
          .all()
          .map((c) => c.name)
          .filter((c) => /^\w+$/.test(c)))
          counter(`${name}.${column}`, `${name}_${column}`, `UPDATE OF ${column}`, name);
    }
    tables = new Set(counters);
  } catch {
    tables = null; // a read-only connection: every table answers the whole change count
  }
  const found = { counters: tables, tables: names, schema };
  counted.set(db, found);
  return found;
}
