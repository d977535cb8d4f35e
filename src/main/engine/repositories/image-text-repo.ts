// The text OCR read in images (ai_runs' 'text' row and ai_text, migration 25), for
// pre-flight: read for which content, and what it said. Read-only; the AI job writes them.
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { AGAIN } from './ai-results-repo';

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
        // A run marked to be done again (ai run --again) was still read from this content:
        // its text counts until the new reading replaces it.
        `SELECT r.asset_id, CASE WHEN substr(r.content_hash, 1, ${AGAIN.length}) = '${AGAIN}'
           THEN substr(r.content_hash, ${AGAIN.length + 1}) ELSE r.content_hash END AS hash,
           coalesce(t.text, '') AS text
         FROM ai_runs r LEFT JOIN ai_text t ON t.asset_id = r.asset_id
         WHERE r.task = 'text' AND r.error IS NULL
           AND r.asset_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk);
    for (const r of rows) out.set(r.asset_id, { hash: r.hash, text: r.text });
  }
  return out;
}
