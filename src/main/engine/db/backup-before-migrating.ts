// Before a migration changes an existing database, a copy of it as it was:
// `packshot.db.bak-v<old>` beside it, the two newest kept. VACUUM INTO is SQLite's own
// consistent copy (sync, unlike better-sqlite3's backup()), safe while others write.
import Database from 'better-sqlite3';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { latestVersion, schemaVersion } from './migrate';
import type { Migration } from './migrations';
import type { Db } from './open-database';

const KEEP = 2;

/** Returns the backup's path, or null when nothing needed one (new, current or in memory). */
export function backupBeforeMigrating(
  db: Db,
  file: string,
  steps: readonly Migration[],
): string | null {
  const latest = latestVersion(steps);
  const current = schemaVersion(db);
  if (db.memory || current === 0 || current >= latest) return null;
  // A temp name first, then a rename: a crash or a second process never leaves half a copy.
  const temp = `${file}.bak-tmp-${process.pid}`;
  rmSync(temp, { force: true });
  db.prepare('VACUUM INTO ?').run(temp);
  // Named by the version the copy holds: another process may have migrated meanwhile.
  const copied = versionOf(temp);
  if (copied >= latest) {
    rmSync(temp, { force: true });
    return null;
  }
  const target = `${file}.bak-v${copied}`;
  renameSync(temp, target);
  prune(file);
  return target;
}

function versionOf(file: string): number {
  const copy = new Database(file, { readonly: true });
  try {
    return schemaVersion(copy);
  } finally {
    copy.close();
  }
}

/** Keeps the newest backups of `file`, by version. */
function prune(file: string): void {
  const prefix = `${basename(file)}.bak-v`;
  const backups = readdirSync(dirname(file))
    .filter((entry) => entry.startsWith(prefix) && /^\d+$/.test(entry.slice(prefix.length)))
    .map((entry) => ({ entry, version: Number(entry.slice(prefix.length)) }))
    .sort((a, b) => b.version - a.version);
  for (const old of backups.slice(KEEP)) rmSync(join(dirname(file), old.entry), { force: true });
}
