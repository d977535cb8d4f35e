// The settings table (key → text value, migration 17): the one place that reads and writes it.
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export function getSetting(db: Db, key: string): string | null {
  return (
    statements(db)
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(key)?.value ?? null
  );
}

export function setSetting(db: Db, key: string, value: string): void {
  statements(db)
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
}
