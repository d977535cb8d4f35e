import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path to a better_sqlite3.node built for another runtime (Electron's ABI), so the
   * desktop app and Node (tests, CLI) each keep their own binary.
   */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose
  // the last transactions, which a rescan recovers.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  cacheStatements(db);
  return db;
}

/**
 * Repositories prepare their SQL where they use it, for clarity; compiling it again on
 * every call costs more than the query itself on small rows. Keep the compiled
 * statements, keyed by their text (bounded: queries with IN-lists vary in length).
 */
function cacheStatements(db: Db, limit = 500): void {
  const prepare = db.prepare.bind(db) as (sql: string) => unknown;
  const cache = new Map<string, unknown>();
  const cached = (sql: string): unknown => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
  db.prepare = cached as typeof db.prepare;
}

export function migrate(db: Db, steps: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = steps.reduce((max, step) => Math.max(max, step.version), 0);
  if (current > latest) {
    throw new Error(
      `This data folder was written by a newer Packshot (schema ${current}, this build knows ${latest}).`,
    );
  }
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}
