import { join } from 'node:path';
import type { Asset, AssetSort, AssetState, ThumbState } from '../../../shared/dto';
import type { Db } from '../db/open-database';

interface AssetRow {
  id: number;
  catalog_id: number;
  catalog_path: string;
  rel_path: string;
  name: string;
  bytes: number;
  mtime_ms: number;
  hash: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  state: AssetState;
  error: string | null;
  thumb: ThumbState;
}

/** What the walker saw of a file on disk. */
export interface FileSeen {
  relPath: string;
  name: string;
  bytes: number;
  mtimeMs: number;
}

export interface IndexedFields {
  hash: string;
  format: string;
  width: number;
  height: number;
  thumb: ThumbState;
}

const SELECT = `
  SELECT a.id, a.catalog_id, c.path AS catalog_path, a.rel_path, a.name, a.bytes, a.mtime_ms,
         a.hash, a.format, a.width, a.height, a.state, a.error, a.thumb
  FROM assets a JOIN catalogs c ON c.id = a.catalog_id`;

const ORDER: Record<AssetSort, string> = {
  name: 'a.name COLLATE NOCASE, a.id',
  size: 'a.bytes DESC, a.id',
  added: 'a.added_at DESC, a.id DESC',
};

function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    catalogId: row.catalog_id,
    path: join(row.catalog_path, ...row.rel_path.split('/')),
    relPath: row.rel_path,
    name: row.name,
    format: row.format,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    mtimeMs: row.mtime_ms,
    hash: row.hash,
    state: row.state,
    error: row.error,
    thumb: row.thumb,
  };
}

export class AssetRepo {
  constructor(private readonly db: Db) {}

  count(catalogId?: number): number {
    const where = catalogId === undefined ? '' : 'AND catalog_id = ?';
    const params = catalogId === undefined ? [] : [catalogId];
    const row = this.db
      .prepare<unknown[], { n: number }>(
        `SELECT count(*) AS n FROM assets WHERE state != 'missing' ${where}`,
      )
      .get(...params);
    return row?.n ?? 0;
  }

  page(options: { catalogId?: number; offset: number; limit: number; sort: AssetSort }): Asset[] {
    const where = options.catalogId === undefined ? '' : 'AND a.catalog_id = ?';
    const params: unknown[] = options.catalogId === undefined ? [] : [options.catalogId];
    return this.db
      .prepare<unknown[], AssetRow>(
        `${SELECT} WHERE a.state != 'missing' ${where} ORDER BY ${ORDER[options.sort]} LIMIT ? OFFSET ?`,
      )
      .all(...params, options.limit, options.offset)
      .map(toAsset);
  }

  get(id: number): Asset | undefined {
    const row = this.db.prepare<[number], AssetRow>(`${SELECT} WHERE a.id = ?`).get(id);
    return row ? toAsset(row) : undefined;
  }

  /** Everything the last run left unfinished: resumed on start. */
  unfinishedIds(): number[] {
    return this.db
      .prepare<[], { id: number }>(
        `SELECT id FROM assets WHERE state = 'pending' OR (state = 'ok' AND thumb = 'pending') ORDER BY id`,
      )
      .all()
      .map((row) => row.id);
  }

  /** Files known under a catalog, keyed by relative path, for reconciling a walk. */
  known(
    catalogId: number,
  ): Map<string, { id: number; bytes: number; mtimeMs: number; state: AssetState }> {
    const rows = this.db
      .prepare<
        [number],
        { id: number; rel_path: string; bytes: number; mtime_ms: number; state: AssetState }
      >('SELECT id, rel_path, bytes, mtime_ms, state FROM assets WHERE catalog_id = ?')
      .all(catalogId);
    return new Map(
      rows.map((r) => [
        r.rel_path,
        { id: r.id, bytes: r.bytes, mtimeMs: r.mtime_ms, state: r.state },
      ]),
    );
  }

  /**
   * Applies one walk in a single transaction: new files are listed as pending, changed
   * ones go back to pending, vanished ones are marked missing (kept, never forgotten).
   * Returns the ids that need indexing.
   */
  reconcile(catalogId: number, seen: FileSeen[]): { listed: number; queue: number[] } {
    const known = this.known(catalogId);
    const insert = this.db.prepare(
      `INSERT INTO assets (catalog_id, rel_path, name, bytes, mtime_ms, added_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const touch = this.db.prepare(
      `UPDATE assets SET bytes = ?, mtime_ms = ?, state = 'pending', error = NULL, thumb = 'pending'
       WHERE id = ?`,
    );
    const missing = this.db.prepare(`UPDATE assets SET state = 'missing' WHERE id = ?`);
    const queue: number[] = [];
    let listed = 0;
    const now = Date.now();
    this.db.transaction(() => {
      for (const file of seen) {
        const prior = known.get(file.relPath);
        known.delete(file.relPath);
        if (!prior) {
          const info = insert.run(
            catalogId,
            file.relPath,
            file.name,
            file.bytes,
            file.mtimeMs,
            now,
          );
          queue.push(Number(info.lastInsertRowid));
          listed++;
        } else if (
          prior.bytes !== file.bytes ||
          prior.mtimeMs !== file.mtimeMs ||
          prior.state === 'missing'
        ) {
          // Unchanged pending rows are already queued (on start, or by the walk that listed them).
          touch.run(file.bytes, file.mtimeMs, prior.id);
          queue.push(prior.id);
        }
      }
      for (const gone of known.values()) {
        if (gone.state !== 'missing') missing.run(gone.id);
      }
    })();
    return { listed, queue };
  }

  markIndexed(id: number, fields: IndexedFields): void {
    this.db
      .prepare(
        `UPDATE assets SET hash = ?, format = ?, width = ?, height = ?, thumb = ?,
                state = 'ok', error = NULL
         WHERE id = ?`,
      )
      .run(fields.hash, fields.format, fields.width, fields.height, fields.thumb, id);
  }

  markError(id: number, reason: string, hash: string | null): void {
    this.db
      .prepare(
        `UPDATE assets SET state = 'error', error = ?, hash = ?, thumb = 'none',
                format = NULL, width = NULL, height = NULL
         WHERE id = ?`,
      )
      .run(reason, hash, id);
  }

  /** The asset's path on disk, or undefined if it is no longer registered. */
  locate(id: number): { path: string; bytes: number; mtimeMs: number } | undefined {
    const row = this.db
      .prepare<
        [number],
        { catalog_path: string; rel_path: string; bytes: number; mtime_ms: number }
      >(
        `SELECT c.path AS catalog_path, a.rel_path, a.bytes, a.mtime_ms
         FROM assets a JOIN catalogs c ON c.id = a.catalog_id WHERE a.id = ?`,
      )
      .get(id);
    return row
      ? {
          path: join(row.catalog_path, ...row.rel_path.split('/')),
          bytes: row.bytes,
          mtimeMs: row.mtime_ms,
        }
      : undefined;
  }

  /** True when some registered asset has this content hash: media may be served for it. */
  hasHash(hash: string): boolean {
    return (
      this.db
        .prepare<[string], { one: number }>('SELECT 1 AS one FROM assets WHERE hash = ? LIMIT 1')
        .get(hash) !== undefined
    );
  }

  errorCount(): number {
    return (
      this.db
        .prepare<[], { n: number }>(`SELECT count(*) AS n FROM assets WHERE state = 'error'`)
        .get()?.n ?? 0
    );
  }
}
