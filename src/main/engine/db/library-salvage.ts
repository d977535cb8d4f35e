// `packshot doctor --salvage`: what still reads of a damaged library, into a fresh file beside
// it (`packshot.db.salvaged`). The damaged file is only read. VACUUM INTO copies it whole
// when every page reads; else each table is copied on its own (a rowid table in ranges), so
// one bad page costs the rows on it, not the library.
import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { schemaVersion } from './migrate';
import type { Db } from './open-database';

export interface SalvageResult {
  /** The fresh copy. */
  file: string;
  method: 'whole' | 'by table';
  /** Per table: rows copied, and what could not be read. */
  tables: { name: string; rows: number; lost?: string }[];
  /** quick_check of the copy. */
  healthy: boolean;
}

const RANGE = 500;

export function salvageLibrary(file: string): SalvageResult {
  const target = `${file}.salvaged`;
  const temp = `${target}-tmp`;
  for (const f of [temp, target]) rmSync(f, { force: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  let result: Omit<SalvageResult, 'healthy' | 'file'>;
  try {
    try {
      source.prepare('VACUUM INTO ?').run(temp);
      result = { method: 'whole', tables: countRows(temp) };
    } catch {
      rmSync(temp, { force: true });
      result = { method: 'by table', tables: copyByTable(source, temp) };
    }
  } finally {
    source.close();
  }
  renameSync(temp, target);
  const copy = new Database(target, { readonly: true });
  try {
    const healthy = copy.pragma('quick_check', { simple: true }) === 'ok';
    return { file: target, ...result, healthy };
  } finally {
    copy.close();
  }
}

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function copyByTable(source: Db, target: string): SalvageResult['tables'] {
  const schema = source
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`)
    .all() as SchemaRow[];
  const virtual = schema.filter((r) => r.type === 'table' && /^CREATE VIRTUAL/i.test(r.sql ?? ''));
  // Shadow tables of a virtual table (assets_fts_data…) come with it, and its triggers refill it.
  const isShadow = (name: string): boolean => virtual.some((v) => name.startsWith(`${v.name}_`));
  const tables = schema.filter((r) => r.type === 'table' && r.sql && !isShadow(r.name));
  const plain = tables.filter((r) => !virtual.includes(r));

  const fresh = new Database(target);
  try {
    fresh.pragma('foreign_keys = OFF');
    for (const t of tables) fresh.exec(t.sql ?? '');
    for (const r of schema) if (r.type === 'trigger' && r.sql) fresh.exec(r.sql);
    const copied = plain.map((t) => copyTable(source, fresh, t));
    for (const r of schema) {
      if (r.type !== 'index' || !r.sql) continue;
      try {
        fresh.exec(r.sql);
      } catch (error) {
        // A unique index the damage broke: the copy stays usable without it until migrated.
        const entry = copied.find((c) => c.name === r.tbl_name);
        if (entry)
          entry.lost = `${entry.lost ? `${entry.lost}; ` : ''}index ${r.name} (${messageOf(error)})`;
      }
    }
    fresh.pragma(`user_version = ${schemaVersion(source)}`);
    return copied;
  } finally {
    fresh.close();
  }
}

function copyTable(source: Db, fresh: Db, table: SchemaRow): SalvageResult['tables'][number] {
  const name = `"${table.name.replace(/"/g, '""')}"`;
  const columns = (source.pragma(`table_info(${name})`) as { name: string }[]).map(
    (c) => `"${c.name.replace(/"/g, '""')}"`,
  );
  const insert = fresh.prepare(
    `INSERT OR IGNORE INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const put = fresh.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  const select = (where = ''): unknown[][] =>
    source
      .prepare(`SELECT ${columns.join(', ')} FROM ${name} ${where}`)
      .raw()
      .all() as unknown[][];
  let rows = 0;
  const lost: string[] = [];
  try {
    const all = select();
    put(all);
    return { name: table.name, rows: all.length };
  } catch (error) {
    if (/WITHOUT ROWID/i.test(table.sql ?? '')) {
      return { name: table.name, rows: 0, lost: `unreadable (${messageOf(error)})` };
    }
  }
  // A rowid table: range by range, skipping the ranges a bad page spoils.
  let top = 0;
  try {
    top = Number(source.prepare(`SELECT max(rowid) FROM ${name}`).pluck().get() ?? 0);
  } catch (error) {
    return { name: table.name, rows: 0, lost: `unreadable (${messageOf(error)})` };
  }
  for (let from = 0; from <= top; from += RANGE) {
    try {
      const part = select(`WHERE rowid >= ${from} AND rowid < ${from + RANGE}`);
      put(part);
      rows += part.length;
    } catch {
      lost.push(`rows ${from}–${from + RANGE - 1}`);
    }
  }
  return {
    name: table.name,
    rows,
    lost: lost.length
      ? `unreadable ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ', …' : ''}`
      : undefined,
  };
}

function countRows(file: string): SalvageResult['tables'] {
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    return names.map((name) => ({
      name,
      rows: Number(
        db
          .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
          .pluck()
          .get(),
      ),
    }));
  } finally {
    db.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
