import type { Collection, CollectionKind } from '../../../shared/collection-dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { readCollectionItems, writeCollectionItems } from './collection-items-repo';
import { statements } from '../db/statement-cache';

export interface CollectionRow {
  id: number;
  name: string;
  kind: CollectionKind;
  query: string | null;
  created_at: number;
}

/** Saved searches and hand-ordered lists; counting a smart one is the caller's (it searches). */
export class CollectionRepo {
  constructor(private readonly db: Db) {}

  rows(): CollectionRow[] {
    return statements(this.db)
      .prepare<[], CollectionRow>(
        'SELECT id, name, kind, query, created_at FROM collections ORDER BY name COLLATE NOCASE, id',
      )
      .all();
  }

  get(id: number): CollectionRow | undefined {
    return statements(this.db)
      .prepare<[number], CollectionRow>(
        'SELECT id, name, kind, query, created_at FROM collections WHERE id = ?',
      )
      .get(id);
  }

  require(id: number): CollectionRow {
    const row = this.get(id);
    if (!row) throw new PackshotError('not_found', `No collection with id ${id}`);
    return row;
  }

  requireManual(id: number): CollectionRow {
    const row = this.require(id);
    if (row.kind !== 'manual')
      throw new PackshotError(
        'invalid_argument',
        `'${row.name}' is a saved search: its assets follow its query`,
      );
    return row;
  }

  create(name: string, query: string | null): number {
    this.checkName(name, 0);
    return Number(
      statements(this.db)
        .prepare('INSERT INTO collections (name, kind, query, created_at) VALUES (?, ?, ?, ?)')
        .run(name, query === null ? 'manual' : 'smart', query, Date.now()).lastInsertRowid,
    );
  }

  update(id: number, name: string, query: string | undefined): void {
    const row = this.require(id);
    this.checkName(name, id);
    if (query !== undefined && row.kind !== 'smart')
      throw new PackshotError(
        'invalid_argument',
        `'${row.name}' is a manual collection: it has no query`,
      );
    statements(this.db)
      .prepare('UPDATE collections SET name = ?, query = ? WHERE id = ?')
      .run(name, query ?? row.query, id);
  }

  /**
   * Puts a deleted collection back with its id (undo of a delete). Refused, with the reason,
   * when its id or name has been taken since.
   */
  restore(row: CollectionRow): void {
    const holder = this.get(row.id);
    if (holder)
      throw new PackshotError(
        'conflict',
        `Cannot bring back '${row.name}': its id is now used by '${holder.name}'`,
      );
    this.checkName(row.name, row.id);
    statements(this.db)
      .prepare('INSERT INTO collections (id, name, kind, query, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.kind, row.query, row.created_at);
  }

  delete(id: number): boolean {
    return statements(this.db).prepare('DELETE FROM collections WHERE id = ?').run(id).changes > 0;
  }

  items(id: number): number[] {
    return readCollectionItems(this.db, id);
  }

  setItems(id: number, ids: readonly number[]): void {
    writeCollectionItems(this.db, id, ids);
  }

  size(id: number): number {
    return (
      statements(this.db)
        .prepare<[number], { n: number }>(
          'SELECT count(*) AS n FROM collection_items WHERE collection_id = ?',
        )
        .get(id)?.n ?? 0
    );
  }

  /** Which of these ids are assets at all. */
  existing(ids: readonly number[]): number[] {
    const one = statements(this.db).prepare<[number], { one: number }>(
      'SELECT 1 AS one FROM assets WHERE id = ?',
    );
    return ids.filter((id) => one.get(id) !== undefined);
  }

  private checkName(name: string, exceptId: number): void {
    const clash = statements(this.db)
      .prepare<[string, number], { id: number }>(
        'SELECT id FROM collections WHERE name = ? COLLATE NOCASE AND id != ?',
      )
      .get(name, exceptId);
    if (clash) throw new PackshotError('conflict', `There is already a collection named '${name}'`);
  }
}

export function toCollection(row: CollectionRow, count: number): Collection {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    query: row.query,
    count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
