// The text OCR read in images (ai_runs' 'text' row and ai_text, migration 25), for
// pre-flight: read for which content, and what it said. Read-only; the AI job writes them.
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface ImageTextRow {
  /** The content the text was read from (ai_runs.content_hash). */
  hash: string;
  /** The kept words, line by line; '' when the image shows none. */
  text: string;
}

const CHUNK = 500;

/** Per asset: its last successful OCR run and what it read. */
export function readImageTexts(db: Db, assetIds: readonly number[]): Map<number, ImageTextRow> {
  const out = new Map<number, ImageTextRow>();
  for (let i = 0; i < assetIds.length; i += CHUNK) {
    const chunk = assetIds.slice(i, i + CHUNK);
    const rows = statements(db)
      .prepare<number[], ImageTextRow & { asset_id: number }>(
        `SELECT r.asset_id, r.content_hash AS hash, coalesce(t.text, '') AS text
         FROM ai_runs r LEFT JOIN ai_text t ON t.asset_id = r.asset_id
         WHERE r.task = 'text' AND r.error IS NULL
           AND r.asset_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk);
    for (const r of rows) out.set(r.asset_id, { hash: r.hash, text: r.text });
  }
  return out;
}
