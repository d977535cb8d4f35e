import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export type CullingField = 'rating' | 'flag' | 'label';
export type CullingValue = number | string | null;

export const CULLING_FIELDS: readonly CullingField[] = ['rating', 'flag', 'label'];

/**
 * Rating, flag and label on assets, set-based: ids go into a temp table in one statement,
 * so a batch of 10,000 is a few UPDATEs, not 10,000.
 */
export class CullingRepo {
  constructor(private readonly db: Db) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS culling_ids (id INTEGER PRIMARY KEY)');
  }

  /** The assets among `ids` whose field is not `value` yet, with what they hold now. */
  differing(
    ids: readonly number[],
    field: CullingField,
    value: CullingValue,
  ): { id: number; value: CullingValue }[] {
    this.load(ids);
    return statements(this.db)
      .prepare<[CullingValue], { id: number; value: CullingValue }>(
        `SELECT a.id, a.${safe(field)} AS value FROM assets a JOIN culling_ids e ON e.id = a.id
         WHERE a.${safe(field)} IS NOT ?`,
      )
      .all(value);
  }

  /** Sets the field on these assets; returns how many rows changed. */
  set(ids: readonly number[], field: CullingField, value: CullingValue): number {
    this.load(ids);
    return statements(this.db)
      .prepare(
        `UPDATE assets SET ${safe(field)} = ? WHERE id IN (SELECT id FROM culling_ids)
           AND ${safe(field)} IS NOT ?`,
      )
      .run(value, value).changes;
  }

  private load(ids: readonly number[]): void {
    statements(this.db).prepare('DELETE FROM culling_ids').run();
    statements(this.db)
      .prepare('INSERT OR IGNORE INTO culling_ids (id) SELECT value FROM json_each(?)')
      .run(JSON.stringify(ids));
  }
}

/** Field names may come from a stored step: only the three known ones reach SQL. */
function safe(field: string): CullingField {
  if (!(CULLING_FIELDS as readonly string[]).includes(field))
    throw new Error(`Unknown culling field ${field}`);
  return field as CullingField;
}
