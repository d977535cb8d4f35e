// What the AI job's writer stores for an image's OCR text, written directly for tests
// of the parts that read it: the 'text' run for a content hash, ai_text, and ai_words' text.
import Database from 'better-sqlite3';
import { join } from 'node:path';

type Sql = Pick<Database.Database, 'prepare'>;

/**
 * Records that OCR read `text` from the asset's content `hash` (error: the run failed), with
 * the object labels free words find beside it.
 */
export function writeOcrText(
  db: Sql,
  assetId: number,
  hash: string,
  text: string,
  error: string | null = null,
  labels = '',
): void {
  db.prepare(
    `INSERT OR REPLACE INTO ai_runs (asset_id, task, content_hash, model, ran_at, error)
     VALUES (?, 'text', ?, 'test-ocr', ?, ?)`,
  ).run(assetId, hash, Date.now(), error);
  db.prepare('INSERT OR REPLACE INTO ai_text (asset_id, text) VALUES (?, ?)').run(assetId, text);
  db.prepare('DELETE FROM ai_words WHERE rowid = ?').run(assetId);
  db.prepare('INSERT INTO ai_words (rowid, labels, text) VALUES (?, ?, ?)').run(
    assetId,
    labels,
    text,
  );
}

/** A second connection to an engine's library (WAL lets both work), closed after `work`. */
export function withLibrary<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'packshot.db'));
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  try {
    return work(db);
  } finally {
    db.close();
  }
}
