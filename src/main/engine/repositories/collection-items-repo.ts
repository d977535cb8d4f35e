import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

/** A manual collection's members, in order. */
export function readCollectionItems(db: Db, collectionId: number): number[] {
  return statements(db)
    .prepare<[number], { asset_id: number }>(
      'SELECT asset_id FROM collection_items WHERE collection_id = ? ORDER BY position, asset_id',
    )
    .all(collectionId)
    .map((r) => r.asset_id);
}

/**
 * Replaces a manual collection's members with `ids`, in that order. Assets deleted since
 * (an undo long after) are left out; a collection deleted since is left alone.
 */
export function writeCollectionItems(db: Db, collectionId: number, ids: readonly number[]): void {
  const exists = statements(db)
    .prepare<[number], { one: number }>('SELECT 1 AS one FROM collections WHERE id = ?')
    .get(collectionId);
  if (!exists) return;
  statements(db).prepare('DELETE FROM collection_items WHERE collection_id = ?').run(collectionId);
  const insert = statements(db).prepare(
    `INSERT OR IGNORE INTO collection_items (collection_id, asset_id, position)
     SELECT ?, id, ? FROM assets WHERE id = ?`,
  );
  ids.forEach((id, position) => insert.run(collectionId, position, id));
}
