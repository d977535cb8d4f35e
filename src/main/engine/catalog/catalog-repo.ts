import type { Catalog } from '../../../shared/dto';
import type { Db } from '../db/open-database';

interface CatalogRow {
  id: number;
  path: string;
  name: string;
  added_at: string;
  asset_count: number;
  error_count: number;
}

const SELECT = `
  SELECT c.id, c.path, c.name, c.added_at,
         (SELECT count(*) FROM assets a WHERE a.catalog_id = c.id AND a.state != 'missing') AS asset_count,
         (SELECT count(*) FROM assets a WHERE a.catalog_id = c.id AND a.state = 'error') AS error_count
  FROM catalogs c`;

function toCatalog(row: CatalogRow): Catalog {
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    addedAt: row.added_at,
    assetCount: row.asset_count,
    errorCount: row.error_count,
  };
}

export class CatalogRepo {
  constructor(private readonly db: Db) {}

  list(): Catalog[] {
    return this.db
      .prepare<[], CatalogRow>(`${SELECT} ORDER BY c.name COLLATE NOCASE, c.id`)
      .all()
      .map(toCatalog);
  }

  get(id: number): Catalog | undefined {
    const row = this.db.prepare<[number], CatalogRow>(`${SELECT} WHERE c.id = ?`).get(id);
    return row ? toCatalog(row) : undefined;
  }

  findByPath(path: string): Catalog | undefined {
    const row = this.db.prepare<[string], CatalogRow>(`${SELECT} WHERE c.path = ?`).get(path);
    return row ? toCatalog(row) : undefined;
  }

  insert(path: string, name: string): number {
    const result = this.db
      .prepare('INSERT INTO catalogs (path, name, added_at) VALUES (?, ?, ?)')
      .run(path, name, new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM catalogs WHERE id = ?').run(id).changes > 0;
  }
}
