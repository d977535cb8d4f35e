import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupBeforeMigrating } from './backup-before-migrating';
import { retryWhileBusy } from './busy-retry';
import { damagedLibraryError, isDamage } from './damaged-library';
import { migrate } from './migrate';
import { migrations } from './migrations';

export { migrate };

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
  try {
    prepare(db, file);
  } catch (error) {
    db.close();
    // A truncated or overwritten file fails here, at its first read: say which and what next.
    throw isDamage(error) ? damagedLibraryError(file, error) : error;
  }
  return db;
}

function prepare(db: Db, file: string): void {
  // First: every later step (WAL mode, the backup, migrating) may meet another process
  // opening the same new folder, and must wait for it rather than fail at once.
  db.pragma('busy_timeout = 5000');
  // Each step is safe to repeat: the version is read again inside the migration.
  retryWhileBusy(() => {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose
    // the last transactions, which a rescan recovers.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    backupBeforeMigrating(db, file, migrations);
    migrate(db, migrations);
  });
}
