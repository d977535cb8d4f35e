import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

/** Placeholders set ahead of the full index, by the quick look at a new file. */
export class PlaceholderRepo {
  constructor(private readonly db: Db) {}

  has(id: number): boolean {
    return (
      statements(this.db)
        .prepare<[number], { p: number }>(
          'SELECT placeholder IS NOT NULL AS p FROM assets WHERE id = ?',
        )
        .get(id)?.p === 1
    );
  }

  /** Sets it unless one is there already (the full index's, made from real pixels). */
  setIfNone(id: number, placeholder: string): boolean {
    return (
      statements(this.db)
        .prepare('UPDATE assets SET placeholder = ? WHERE id = ? AND placeholder IS NULL')
        .run(placeholder, id).changes > 0
    );
  }
}
