// The schema as text: every sqlite_master entry (type, name, table, SQL with its whitespace
// folded), sorted, plus user_version. The schema snapshot test compares it with the
// committed schema.snapshot.sql, so a schema change shows up in review as a diff.
import type { Db } from './open-database';

export interface SchemaEntry {
  /** "type name" (unique in a schema), e.g. "index assets_by_hash". */
  key: string;
  text: string;
}

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export function schemaEntries(db: Db): SchemaEntry[] {
  const rows = db
    .prepare<[], MasterRow>('SELECT type, name, tbl_name, sql FROM sqlite_master')
    .all()
    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  const version = db.pragma('user_version', { simple: true }) as number;
  return [
    { key: 'user_version', text: `PRAGMA user_version = ${version};` },
    ...rows.map((r) => ({
      key: `${r.type} ${r.name}`,
      text: `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql === null ? '-- (no SQL)' : `${fold(r.sql)};`}`,
    })),
  ];
}

export function schemaText(entries: readonly SchemaEntry[]): string {
  return `${entries.map((e) => e.text).join('\n\n')}\n`;
}

/** Parses schemaText's output back into entries (for a diff by entry, not by line). */
export function parseSchemaText(text: string): SchemaEntry[] {
  return text
    .trim()
    .split(/\n\n(?=-- |PRAGMA )/)
    .map((text) => {
      const head = /^-- (\S+ \S+) on /.exec(text);
      return { key: head?.[1] ?? 'user_version', text };
    });
}

/** What changed from `before` to `after`, one line per entry: + added, - removed, ~ changed. */
export function schemaDiff(
  before: readonly SchemaEntry[],
  after: readonly SchemaEntry[],
): string[] {
  const old = new Map(before.map((e) => [e.key, e.text]));
  const now = new Map(after.map((e) => [e.key, e.text]));
  const out: string[] = [];
  for (const [key, text] of now) {
    const was = old.get(key);
    if (was === undefined) out.push(`+ ${key}\n${text}`);
    else if (was !== text) out.push(`~ ${key}\n  was: ${lastLine(was)}\n  now: ${lastLine(text)}`);
  }
  for (const key of old.keys()) if (!now.has(key)) out.push(`- ${key}`);
  return out;
}

/** SQL as SQLite keeps it is as the migration typed it; fold whitespace so layout is no diff. */
function fold(sql: string): string {
  return sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}

function lastLine(text: string): string {
  return text.slice(text.lastIndexOf('\n') + 1);
}
