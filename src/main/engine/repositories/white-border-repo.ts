// The rows the pure_white_border backfill reads and writes (migration 26): assets whose
// thumbnail was analysed (white_bg set) before that column existed, so it is still NULL.
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';
import { getSetting, setSetting } from './settings';

export interface UnmeasuredBorder {
  id: number;
  hash: string;
  name: string;
}

/** Analysed with a thumbnail, border not measured: what a fresh index would have measured. */
const UNMEASURED = `white_bg IS NOT NULL AND pure_white_border IS NULL AND hash IS NOT NULL
  AND thumb = 'ready'`;

/** The backfill's cursor: every id up to it was tried (those that failed stay NULL). */
const CURSOR = 'backfill.white_border_after';

export class WhiteBorderRepo {
  constructor(private readonly db: Db) {}

  /** Where the backfill goes on from: a run cut short resumes there, a new one skips failures. */
  cursor(): number {
    return Number(getSetting(this.db, CURSOR) ?? 0);
  }

  /** How many are left after `afterId` (ids in order: the job's cursor). */
  countUnmeasured(afterId = 0): number {
    return (
      statements(this.db)
        .prepare<[number], { n: number }>(
          `SELECT count(*) AS n FROM assets
          WHERE id > ? AND ${UNMEASURED}`,
        )
        .get(afterId)?.n ?? 0
    );
  }

  /** The next `limit` by id after `afterId`: one batch, walked along the primary key. */
  unmeasured(afterId: number, limit: number): UnmeasuredBorder[] {
    return statements(this.db)
      .prepare<[number, number], UnmeasuredBorder>(
        `SELECT id, hash, name FROM assets WHERE id > ? AND ${UNMEASURED} ORDER BY id LIMIT ?`,
      )
      .all(afterId, limit);
  }

  /**
   * Stores what each content's thumbnail showed, for every asset with that content still
   * unmeasured (copies share the thumbnail), and moves the cursor past the batch, in one
   * transaction. A row indexed again meanwhile has its own value and is left alone. Returns
   * the rows written.
   */
  record(results: readonly { hash: string; pureWhite: boolean }[], after: number): number {
    const update = statements(this.db).prepare<[number, string]>(
      `UPDATE assets SET pure_white_border = ? WHERE hash = ? AND ${UNMEASURED}`,
    );
    return writeTransaction(this.db, () => {
      setSetting(this.db, CURSOR, String(after));
      return results.reduce((n, r) => n + update.run(r.pureWhite ? 1 : 0, r.hash).changes, 0);
    });
  }
}
