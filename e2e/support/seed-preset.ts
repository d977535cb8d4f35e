// A user preset for the rights walk, written straight into the engine's database (a second
// SQLite connection beside the running server, as seed-products does): the tiny test preset
// (160 px JPEGs, no image checks) with what the spec asks of it, e.g. requireApproval.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { PresetBody } from '../../src/shared/export-dto';
import { tinyPreset } from '../../src/main/test-support/tiny-preset';

export function seedPreset(dataDir: string, id: string, over: Partial<PresetBody>): void {
  const db = new Database(path.join(dataDir, 'packshot.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO channel_presets (id, body, version, based_on, updated_at)
       VALUES (?, ?, 1, NULL, ?)`,
    ).run(id, JSON.stringify(tinyPreset(over)), Date.now());
  } finally {
    db.close();
  }
}
