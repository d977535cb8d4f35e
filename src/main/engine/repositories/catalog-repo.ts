import type { Catalog, WatchMode, XmpMode, XmpNaming } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { parseList } from './asset-row';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

interface CatalogRow {
  id: number;
  path: string;
  name: string;
  added_at: string;
  online: number;
  ignore: string;
  xmp_mode: XmpMode;
  xmp_naming: XmpNaming;
  asset_count: number;
  error_count: number;
}

const SELECT = `
  SELECT c.id, c.path, c.name, c.added_at, c.online, c.ignore, c.xmp_mode, c.xmp_naming,
         (SELECT count(*) FROM assets a WHERE a.catalog_id = c.id AND a.state != 'missing') AS asset_count,
         (SELECT count(*) FROM assets a WHERE a.catalog_id = c.id AND a.state = 'error') AS error_count
  FROM catalogs c`;

export class CatalogRepo {
  /** Watch modes live in memory: they describe this run, not the library. */
  constructor(
    private readonly db: Db,
    private readonly watchMode: (id: number) => WatchMode = () => 'off',
  ) {}

  private toCatalog(row: CatalogRow): Catalog {
    return {
      id: row.id,
      path: row.path,
      name: row.name,
      addedAt: row.added_at,
      assetCount: row.asset_count,
      errorCount: row.error_count,
      online: row.online === 1,
      watch: this.watchMode(row.id),
      ignore: parseList(row.ignore),
      xmp: row.xmp_mode,
      xmpNaming: row.xmp_naming,
    };
  }

  list(): Catalog[] {
    return statements(this.db)
      .prepare<[], CatalogRow>(`${SELECT} ORDER BY c.name COLLATE NOCASE, c.id`)
      .all()
      .map((row) => this.toCatalog(row));
  }

  /** Catalogs whose folder could not be reached: cheap (no counts), for polling. */
  offline(): { id: number; path: string }[] {
    return statements(this.db)
      .prepare<[], { id: number; path: string }>('SELECT id, path FROM catalogs WHERE online = 0')
      .all();
  }

  get(id: number): Catalog | undefined {
    const row = statements(this.db)
      .prepare<[number], CatalogRow>(`${SELECT} WHERE c.id = ?`)
      .get(id);
    return row ? this.toCatalog(row) : undefined;
  }

  findByPath(path: string): Catalog | undefined {
    const row = statements(this.db)
      .prepare<[string], CatalogRow>(`${SELECT} WHERE c.path = ?`)
      .get(path);
    return row ? this.toCatalog(row) : undefined;
  }

  insert(path: string, name: string): number {
    const result = statements(this.db)
      .prepare('INSERT INTO catalogs (path, name, added_at) VALUES (?, ?, ?)')
      .run(path, name, new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  remove(id: number): boolean {
    return statements(this.db).prepare('DELETE FROM catalogs WHERE id = ?').run(id).changes > 0;
  }

  /** Returns true when the state changed. */
  setOnline(id: number, online: boolean): boolean {
    return (
      statements(this.db)
        .prepare('UPDATE catalogs SET online = ? WHERE id = ? AND online != ?')
        .run(online ? 1 : 0, id, online ? 1 : 0).changes > 0
    );
  }

  setXmp(id: number, mode: XmpMode | undefined, naming: XmpNaming | undefined): void {
    writeTransaction(this.db, () => {
      if (mode)
        statements(this.db).prepare('UPDATE catalogs SET xmp_mode = ? WHERE id = ?').run(mode, id);
      if (naming)
        statements(this.db)
          .prepare('UPDATE catalogs SET xmp_naming = ? WHERE id = ?')
          .run(naming, id);
    });
  }

  setIgnore(id: number, patterns: readonly string[]): void {
    statements(this.db)
      .prepare('UPDATE catalogs SET ignore = ? WHERE id = ?')
      .run(JSON.stringify(patterns), id);
  }
}
