// `packshot doctor`: what state a library file is in, read without changing it (the file is
// opened read-only, never migrated), and what to do about it.
import Database from 'better-sqlite3';
import { existsSync, openSync, readdirSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { latestVersion, schemaVersion } from './migrate';
import { migrations } from './migrations';
import type { Db } from './open-database';

export type Level = 'ok' | 'warn' | 'error';

export interface Finding {
  level: Level;
  check: string;
  detail: string;
}

export interface BackupInfo {
  file: string;
  version: number | null;
  healthy: boolean;
}

export interface LibraryReport {
  file: string;
  /** No finding at 'error': the library can be used as it is. */
  healthy: boolean;
  /** The file opened and its tables could be listed: a salvage can copy what reads. */
  readable: boolean;
  findings: Finding[];
  /** Backups beside it, newest version first. */
  backups: BackupInfo[];
}

const WAL_WARN_BYTES = 256 * 1024 * 1024;

/** Checks `<dataDir>/packshot.db`: header and size, integrity, keys, schema, WAL, folders, temp files. */
export function diagnoseLibrary(dataDir: string, options: { full?: boolean } = {}): LibraryReport {
  const file = join(dataDir, 'packshot.db');
  const findings: Finding[] = [];
  const add = (level: Level, check: string, detail: string): void => {
    findings.push({ level, check, detail });
  };
  const backups = listBackups(file);
  if (!existsSync(file)) {
    add('warn', 'library', `No library at ${file} yet: Packshot makes one on first use.`);
    return { file, healthy: true, readable: false, findings, backups };
  }
  checkHeader(file, add);
  let readable = false;
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    readable = true;
    const opened = db;
    // Each check on its own: a bad page that fails one still lets the others report.
    const guard = (check: string, run: () => void): void => {
      try {
        run();
      } catch (error) {
        add('error', check, `${messageOf(error)}.`);
      }
    };
    guard('integrity', () => checkIntegrity(opened, options.full ?? false, add));
    guard('schema', () => checkSchema(opened, add));
    guard('catalogs', () => checkCatalogFolders(opened, add));
  } catch (error) {
    add('error', 'open', `SQLite cannot read ${file}: ${messageOf(error)}.`);
  } finally {
    db?.close();
  }
  checkWal(file, add);
  checkTempFiles(dataDir, add);
  const healthy = !findings.some((f) => f.level === 'error');
  return { file, healthy, readable, findings, backups };
}

/** The first page's header against the file's size: a truncated copy is caught here. */
function checkHeader(file: string, add: (level: Level, check: string, detail: string) => void) {
  const size = statSync(file).size;
  if (size === 0) return add('warn', 'size', `${file} is empty: Packshot fills it on next open.`);
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') {
    add('error', 'header', `${file} is not an SQLite database (its first bytes were overwritten).`);
    return;
  }
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  // The page count in the header is trusted only when written by the same change (offset 92).
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  const expected = pages * pageSize;
  if (size % pageSize !== 0 || (expected > 0 && size < expected)) {
    add(
      'error',
      'size',
      `${file} is truncated: ${size} bytes where its header says ${expected} (${pages} pages of ${pageSize}).`,
    );
  } else {
    add('ok', 'size', `${pages} pages of ${pageSize} bytes.`);
  }
}

function checkIntegrity(
  db: Db,
  full: boolean,
  add: (level: Level, check: string, detail: string) => void,
) {
  const pragma = full ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(`${pragma}(20)`, { simple: false }) as Record<string, string>[];
  const lines = rows.map((row) => Object.values(row)[0] ?? '');
  if (lines.length === 1 && lines[0] === 'ok') add('ok', 'integrity', `${pragma}: ok.`);
  else add('error', 'integrity', `${pragma}: ${lines.slice(0, 5).join('; ')}`);
  const orphans = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (orphans.length === 0) add('ok', 'foreign keys', 'every reference points at a row.');
  else {
    const tables = [...new Set(orphans.map((o) => `${o.table} → ${o.parent}`))].slice(0, 5);
    add(
      'warn',
      'foreign keys',
      `${orphans.length} rows point at missing rows (${tables.join(', ')}).`,
    );
  }
}

function checkSchema(db: Db, add: (level: Level, check: string, detail: string) => void) {
  const version = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (version > latest)
    add(
      'error',
      'schema',
      `version ${version}, written by a newer Packshot (this one knows ${latest}): update Packshot.`,
    );
  else if (version < latest)
    add(
      'warn',
      'schema',
      `version ${version}: the next open migrates it to ${latest}, after a backup (packshot.db.bak-v${version}).`,
    );
  else add('ok', 'schema', `version ${version} (current).`);
  const mode = db.pragma('journal_mode', { simple: true }) as string;
  if (mode !== 'wal' && version > 0)
    add('warn', 'journal', `journal mode ${mode}: the next open sets WAL.`);
}

function checkCatalogFolders(db: Db, add: (level: Level, check: string, detail: string) => void) {
  const catalogs = db.prepare('SELECT id, path FROM catalogs ORDER BY id').all() as {
    id: number;
    path: string;
  }[];
  const missing = catalogs.filter((c) => !existsSync(c.path));
  if (missing.length === 0)
    add('ok', 'catalogs', `${catalogs.length} catalog folders, all present.`);
  for (const c of missing)
    add(
      'warn',
      'catalogs',
      `catalog ${c.id}: ${c.path} is missing (a drive not mounted? else \`packshot catalog remove ${c.id}\`).`,
    );
}

function checkWal(file: string, add: (level: Level, check: string, detail: string) => void) {
  const wal = `${file}-wal`;
  if (!existsSync(wal)) return add('ok', 'wal', 'no write-ahead log pending.');
  const bytes = statSync(wal).size;
  if (bytes > WAL_WARN_BYTES)
    add(
      'warn',
      'wal',
      `${wal} holds ${bytes} bytes not yet checkpointed: close every Packshot and open it once to fold them in.`,
    );
  else
    add('ok', 'wal', `${bytes} bytes in the write-ahead log (folded in on the next checkpoint).`);
}

/** Leftovers of a crash: a half-made backup, cache files that were never renamed. */
function checkTempFiles(
  dataDir: string,
  add: (level: Level, check: string, detail: string) => void,
) {
  const found: string[] = [];
  for (const entry of readdirSync(dataDir)) {
    if (entry.startsWith('packshot.db.bak-tmp-') || entry === 'packshot.db.salvaged-tmp')
      found.push(join(dataDir, entry));
  }
  const cache = join(dataDir, 'cache');
  if (existsSync(cache)) {
    for (const entry of readdirSync(cache, { recursive: true, encoding: 'utf8' })) {
      if (entry.endsWith('.tmp')) found.push(join(cache, entry));
    }
  }
  if (found.length === 0) add('ok', 'temp files', 'none left over.');
  else
    add(
      'warn',
      'temp files',
      `${found.length} left by a crash, safe to delete while Packshot is closed: ${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}`,
    );
}

/** `packshot.db.bak-vN` beside the library, each checked, newest first. */
export function listBackups(file: string): BackupInfo[] {
  const dir = dirname(file);
  if (!existsSync(dir)) return [];
  const prefix = 'packshot.db.bak-v';
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(prefix) && /^\d+$/.test(entry.slice(prefix.length)))
    .map((entry) => join(dir, entry))
    .map((backup): BackupInfo => {
      try {
        const copy = new Database(backup, { readonly: true, fileMustExist: true });
        try {
          const ok = copy.pragma('quick_check', { simple: true }) === 'ok';
          return { file: backup, version: schemaVersion(copy), healthy: ok };
        } finally {
          copy.close();
        }
      } catch {
        return { file: backup, version: null, healthy: false };
      }
    })
    .sort((a, b) => (b.version ?? -1) - (a.version ?? -1));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
