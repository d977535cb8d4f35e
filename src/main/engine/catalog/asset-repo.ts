import type {
  Asset,
  AssetDetail,
  AssetKind,
  AssetMetadata,
  AssetVersion,
} from '../../../shared/dto';
import type { XmpMode, XmpNaming } from '../../../shared/dto';
import type { ImageAnalysis } from '../analysis/analyze-pixels';
import type { XmpTarget } from '../xmp/xmp-writer';
import type { Db } from '../db/open-database';
import { buildAssetQuery, type AssetQuery } from './asset-query';
import { ASSET_SELECT, folderOf, parseMetadata, toAsset, type AssetRow } from './asset-row';
import { join } from 'node:path';
import { statements } from '../db/statement-cache';

/** What the walker or the watcher saw of a file on disk. */
export interface FileSeen {
  relPath: string;
  name: string;
  bytes: number;
  mtimeMs: number;
  kind: AssetKind;
}

/** id, rel_path, bytes, mtime_ms, state: a known file, as a raw row. */
type KnownRow = [number, string, number, number, string];

export interface IndexedFields {
  hash: string;
  format: string | null;
  width: number | null;
  height: number | null;
  thumb: 'ready' | 'none' | 'error';
  state: 'ok' | 'error';
  error: string | null;
  orientation: number | null;
  capturedAt: string | null;
  camera: string | null;
  metadata: AssetMetadata | null;
  placeholder: string | null;
  notice: string | null;
  analysis: ImageAnalysis | null;
}

export interface Located {
  id: number;
  catalogId: number;
  catalogPath: string;
  relPath: string;
  name: string;
  path: string;
  bytes: number;
  mtimeMs: number;
  kind: AssetKind;
  hash: string | null;
  state: string;
}

interface LocatedRow {
  id: number;
  catalog_id: number;
  catalog_path: string;
  rel_path: string;
  name: string;
  bytes: number;
  mtime_ms: number;
  kind: AssetKind;
  hash: string | null;
  state: string;
}

const LOCATE = `
  SELECT a.id, a.catalog_id, c.path AS catalog_path, a.rel_path, a.name, a.bytes, a.mtime_ms,
         a.kind, a.hash, a.state
  FROM assets a JOIN catalogs c ON c.id = a.catalog_id`;

function toLocated(row: LocatedRow): Located {
  return {
    id: row.id,
    catalogId: row.catalog_id,
    catalogPath: row.catalog_path,
    relPath: row.rel_path,
    name: row.name,
    path: join(row.catalog_path, ...row.rel_path.split('/')),
    bytes: row.bytes,
    mtimeMs: row.mtime_ms,
    kind: row.kind,
    hash: row.hash,
    state: row.state,
  };
}

/** Palette names covering at least a tenth of the image, for color: searches. */
function colorNames(analysis: ImageAnalysis | null): string[] {
  const shares = new Map<string, number>();
  for (const c of analysis?.colors ?? []) shares.set(c.name, (shares.get(c.name) ?? 0) + c.share);
  return [...shares].filter(([, share]) => share >= 0.1).map(([name]) => name);
}

function stemOf(relPath: string): string {
  const dot = relPath.lastIndexOf('.');
  return dot > relPath.lastIndexOf('/') + 1 ? relPath.slice(0, dot) : relPath;
}

export class AssetRepo {
  constructor(private readonly db: Db) {}

  count(query: AssetQuery): number {
    const { where, params, readsCatalog } = buildAssetQuery(query);
    // Every asset has its catalog (ON DELETE CASCADE): the join only matters when the WHERE
    // reads it. Without it SQLite counts from the narrowest index, or the table's own count.
    const from = readsCatalog ? 'assets a JOIN catalogs c ON c.id = a.catalog_id' : 'assets a';
    return (
      statements(this.db)
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`)
        .get(...params)?.n ?? 0
    );
  }

  page(query: AssetQuery, offset: number, limit: number): Asset[] {
    const { where, order, params } = buildAssetQuery(query);
    const rows = statements(this.db)
      .prepare<unknown[], AssetRow>(
        `${ASSET_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset);
    const keywords = this.keywords(rows.map((r) => r.id));
    return rows.map((r) => toAsset(r, keywords.get(r.id) ?? []));
  }

  /** Every id a query finds, in list order (bulk edits by query). */
  ids(query: AssetQuery): number[] {
    const { where, order, params } = buildAssetQuery(query);
    return statements(this.db)
      .prepare<unknown[], { id: number }>(
        `SELECT a.id FROM assets a JOIN catalogs c ON c.id = a.catalog_id WHERE ${where} ORDER BY ${order}`,
      )
      .all(...params)
      .map((r) => r.id);
  }

  get(id: number): Asset | undefined {
    const row = statements(this.db)
      .prepare<[number], AssetRow>(`${ASSET_SELECT} WHERE a.id = ?`)
      .get(id);
    return row ? toAsset(row, this.keywords([id]).get(id) ?? []) : undefined;
  }

  /**
   * Each asset's keywords: its tag paths, from its links. Read for the rows a page returns
   * (not a column of the page query, which a sort would compute for every match): ~10 ms
   * for 500 rows of ~19 tags. Sorting in SQL beat sorting each list in JS, measured.
   */
  private keywords(ids: readonly number[]): Map<number, string[]> {
    const byAsset = new Map<number, string[]>();
    if (ids.length === 0) return byAsset;
    const rows = statements(this.db)
      .prepare<[string], { asset_id: number; path: string }>(
        `SELECT at.asset_id, t.path FROM json_each(?) j
         JOIN asset_tags at ON at.asset_id = j.value JOIN tags t ON t.id = at.tag_id
         ORDER BY at.asset_id, t.path COLLATE NOCASE`,
      )
      .all(JSON.stringify(ids));
    for (const r of rows) {
      const list = byAsset.get(r.asset_id);
      if (list) list.push(r.path);
      else byAsset.set(r.asset_id, [r.path]);
    }
    return byAsset;
  }

  detail(id: number): AssetDetail | undefined {
    const asset = this.get(id);
    if (!asset) return undefined;
    const meta = statements(this.db)
      .prepare<[number], { metadata: string | null }>('SELECT metadata FROM assets WHERE id = ?')
      .get(id);
    const history = statements(this.db)
      .prepare<
        [number],
        {
          hash: string;
          bytes: number;
          width: number | null;
          height: number | null;
          recorded_at: string;
        }
      >(
        'SELECT hash, bytes, width, height, recorded_at FROM asset_versions WHERE asset_id = ? ORDER BY id',
      )
      .all(id)
      .map((v): AssetVersion => ({
        hash: v.hash,
        bytes: v.bytes,
        width: v.width,
        height: v.height,
        recordedAt: v.recorded_at,
      }));
    return { ...asset, metadata: parseMetadata(meta?.metadata ?? null), history };
  }

  /** Everything the last run left unfinished: resumed on start. */
  unfinishedIds(): number[] {
    return statements(this.db)
      .prepare<[], { id: number }>(
        `SELECT a.id FROM assets a JOIN catalogs c ON c.id = a.catalog_id
         WHERE c.online = 1 AND (a.state = 'pending' OR (a.state = 'ok' AND a.thumb = 'pending'))
         ORDER BY a.id`,
      )
      .all()
      .map((row) => row.id);
  }

  /**
   * Files known under a catalog, for reconciling a walk: rows as arrays (read from a
   * covering index, no object per row) and where each path is among them.
   */
  private known(catalogId: number): { rows: KnownRow[]; at: Map<string, number> } {
    const rows = statements(this.db)
      .prepare<[number], KnownRow>(
        'SELECT id, rel_path, bytes, mtime_ms, state FROM assets WHERE catalog_id = ?',
      )
      .raw()
      .all(catalogId);
    const at = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) at.set((rows[i] as KnownRow)[1], i);
    return { rows, at };
  }

  /**
   * Applies what was seen on disk in one transaction: new files are listed as pending,
   * changed ones go back to pending. With `complete` (a full walk), files not seen are
   * marked missing (kept, never forgotten). Returns the ids that need indexing.
   */
  reconcile(
    catalogId: number,
    seen: FileSeen[],
    complete: boolean,
  ): { listed: number; queue: number[]; missing: number } {
    const insert = statements(this.db).prepare(
      `INSERT INTO assets (catalog_id, rel_path, name, folder, bytes, mtime_ms, kind, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const touch = statements(this.db).prepare(
      `UPDATE assets SET bytes = ?, mtime_ms = ?, state = 'pending', error = NULL, thumb = 'pending'
       WHERE id = ?`,
    );
    const queue: number[] = [];
    let listed = 0;
    let missing = 0;
    const now = Date.now();
    this.db.transaction(() => {
      const known = complete ? this.known(catalogId) : null;
      const found = known ? new Uint8Array(known.rows.length) : null;
      const one = statements(this.db)
        .prepare<[number, string], KnownRow>(
          'SELECT id, rel_path, bytes, mtime_ms, state FROM assets WHERE catalog_id = ? AND rel_path = ?',
        )
        .raw();
      for (const file of seen) {
        let prior: KnownRow | undefined;
        if (known && found) {
          const i = known.at.get(file.relPath);
          if (i !== undefined) {
            prior = known.rows[i];
            found[i] = 1;
          }
        } else {
          prior = one.get(catalogId, file.relPath);
        }
        if (!prior) {
          const info = insert.run(
            catalogId,
            file.relPath,
            file.name,
            folderOf(file.relPath),
            file.bytes,
            file.mtimeMs,
            file.kind,
            now,
          );
          queue.push(Number(info.lastInsertRowid));
          listed++;
        } else if (prior[2] !== file.bytes || prior[3] !== file.mtimeMs || prior[4] === 'missing') {
          touch.run(file.bytes, file.mtimeMs, prior[0]);
          queue.push(prior[0]);
        }
        // Unchanged pending rows are already queued (on start, or by the walk that listed them).
      }
      if (known && found) {
        const gone: string[] = [];
        known.rows.forEach((row, i) => {
          if (found[i] === 0 && row[4] !== 'missing') gone.push(row[1]);
        });
        missing = this.markMissing(catalogId, gone);
      }
    })();
    return { listed, queue, missing };
  }

  /** The files at these paths are gone: their assets stay, marked missing. */
  markMissing(catalogId: number, relPaths: readonly string[]): number {
    const stmt = statements(this.db).prepare(
      `UPDATE assets SET state = 'missing' WHERE catalog_id = ? AND rel_path = ? AND state != 'missing'`,
    );
    let changed = 0;
    this.db.transaction(() => {
      for (const rel of relPaths) changed += stmt.run(catalogId, rel).changes;
    })();
    return changed;
  }

  /** Missing assets under a folder that disappeared (a folder deleted or moved away). */
  markFolderMissing(catalogId: number, folder: string): number {
    return statements(this.db)
      .prepare(
        `UPDATE assets SET state = 'missing'
         WHERE catalog_id = ? AND state != 'missing' AND (folder = ? OR (folder >= ? AND folder < ?))`,
      )
      .run(catalogId, folder, `${folder}/`, `${folder}0`).changes;
  }

  markIndexed(id: number, f: IndexedFields): void {
    statements(this.db)
      .prepare(
        `UPDATE assets SET hash = ?, format = ?, width = ?, height = ?, thumb = ?, state = ?, error = ?,
                orientation = ?, captured_at = ?, camera = ?, metadata = ?,
                placeholder = ?, notice = ?, colors = ?, color_names = ?, white_bg = ?, fill = ?,
                sharpness = ?, phash = ?
         WHERE id = ?`,
      )
      .run(
        f.hash,
        f.format,
        f.width,
        f.height,
        f.thumb,
        f.state,
        f.error,
        f.orientation,
        f.capturedAt,
        f.camera,
        f.metadata ? JSON.stringify(f.metadata) : null,
        f.placeholder,
        f.notice,
        f.analysis ? JSON.stringify(f.analysis.colors) : null,
        JSON.stringify(colorNames(f.analysis)),
        f.analysis?.whiteBackground ?? null,
        f.analysis?.fill ?? null,
        f.analysis?.sharpness ?? null,
        f.analysis?.phash ?? null,
        id,
      );
  }

  /**
   * Metadata re-read without the image (its sidecar changed): pixels and thumbnail stay,
   * and so does an orientation the metadata no longer states (the decoder's).
   */
  markMetadata(
    id: number,
    f: Pick<IndexedFields, 'orientation' | 'capturedAt' | 'camera' | 'metadata'>,
  ): void {
    statements(this.db)
      .prepare(
        `UPDATE assets SET orientation = coalesce(?, orientation), captured_at = ?, camera = ?,
                metadata = ? WHERE id = ?`,
      )
      .run(
        f.orientation,
        f.capturedAt,
        f.camera,
        f.metadata ? JSON.stringify(f.metadata) : null,
        id,
      );
  }

  /** Assets at these paths of a catalog (those that exist), for a walk's follow-ups. */
  atPaths(
    catalogId: number,
    relPaths: Iterable<string>,
  ): { id: number; relPath: string; state: string }[] {
    const one = statements(this.db).prepare<[number, string], { id: number; state: string }>(
      'SELECT id, state FROM assets WHERE catalog_id = ? AND rel_path = ?',
    );
    const out: { id: number; relPath: string; state: string }[] = [];
    for (const relPath of relPaths) {
      const row = one.get(catalogId, relPath);
      if (row) out.push({ id: row.id, relPath, state: row.state });
    }
    return out;
  }

  markError(id: number, reason: string, hash: string | null): void {
    statements(this.db)
      .prepare(
        `UPDATE assets SET state = 'error', error = ?, hash = ?, thumb = 'none',
                format = NULL, width = NULL, height = NULL
         WHERE id = ?`,
      )
      .run(reason, hash, id);
  }

  locate(id: number): Located | undefined {
    const row = statements(this.db)
      .prepare<[number], LocatedRow>(`${LOCATE} WHERE a.id = ?`)
      .get(id);
    return row ? toLocated(row) : undefined;
  }

  /** Other assets with this content, oldest first. */
  withHash(hash: string, exceptId: number): Located[] {
    return statements(this.db)
      .prepare<[string, number], LocatedRow>(
        `${LOCATE} WHERE a.hash = ? AND a.id != ? ORDER BY a.id`,
      )
      .all(hash, exceptId)
      .map(toLocated);
  }

  /**
   * A file seen as new (row `from`) is an older asset (`to`) that moved: the old asset
   * takes the new path and keeps its id, and so everything attached to it; `from` goes.
   */
  transplant(from: number, to: number): void {
    this.db.transaction(() => {
      const row = statements(this.db)
        .prepare<
          [number],
          {
            catalog_id: number;
            rel_path: string;
            name: string;
            folder: string;
            bytes: number;
            mtime_ms: number;
            kind: string;
          }
        >(
          'SELECT catalog_id, rel_path, name, folder, bytes, mtime_ms, kind FROM assets WHERE id = ?',
        )
        .get(from);
      if (!row) return;
      // Links made to the new row (a file dropped onto a product) follow it to the asset it is.
      statements(this.db)
        .prepare('UPDATE OR IGNORE product_links SET asset_id = ? WHERE asset_id = ?')
        .run(to, from);
      statements(this.db).prepare('DELETE FROM assets WHERE id = ?').run(from);
      statements(this.db)
        .prepare(
          `UPDATE assets SET catalog_id = ?, rel_path = ?, name = ?, folder = ?, bytes = ?, mtime_ms = ?,
                  kind = ?, state = 'pending'
           WHERE id = ?`,
        )
        .run(
          row.catalog_id,
          row.rel_path,
          row.name,
          row.folder,
          row.bytes,
          row.mtime_ms,
          row.kind,
          to,
        );
      // Copies that pointed at the vanished row now point at the asset it really was.
      statements(this.db)
        .prepare('UPDATE assets SET duplicate_of = ? WHERE duplicate_of = ?')
        .run(to, from);
    })();
  }

  setDuplicateOf(id: number, of: number | null): void {
    statements(this.db).prepare('UPDATE assets SET duplicate_of = ? WHERE id = ?').run(of, id);
  }

  /** What XMP write-back needs for these assets, in catalogs that write it. */
  xmpTargets(ids: readonly number[]): XmpTarget[] {
    // Write-back is off by default: then there is nothing to look up, however many assets an
    // edit touched (one lookup per asset is ~0.1 s for 10,000 on wide rows).
    const writing = statements(this.db)
      .prepare<[], { one: number }>(
        `SELECT 1 AS one FROM catalogs WHERE xmp_mode != 'off' AND online = 1 LIMIT 1`,
      )
      .get();
    if (!writing) return [];
    const one = statements(this.db).prepare<
      [number],
      {
        catalog_path: string;
        rel_path: string;
        kind: string;
        format: string | null;
        xmp_mode: XmpMode;
        xmp_naming: XmpNaming;
        rating: number;
        label: string | null;
        state: string;
      }
    >(
      `SELECT c.path AS catalog_path, a.rel_path, a.kind, a.format, c.xmp_mode, c.xmp_naming, a.rating, a.label, a.state
       FROM assets a JOIN catalogs c ON c.id = a.catalog_id WHERE a.id = ? AND c.xmp_mode != 'off' AND c.online = 1`,
    );
    const paths = statements(this.db).prepare<[number], { path: string }>(
      'SELECT t.path FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE at.asset_id = ? ORDER BY t.path',
    );
    const targets: XmpTarget[] = [];
    for (const id of ids) {
      const row = one.get(id);
      if (!row || row.state === 'missing' || row.state === 'error') continue;
      targets.push({
        catalogPath: row.catalog_path,
        relPath: row.rel_path,
        kind: row.kind,
        format: row.format,
        mode: row.xmp_mode,
        naming: row.xmp_naming,
        tagPaths: paths.all(id).map((p) => p.path),
        rating: row.rating,
        label: row.label,
      });
    }
    return targets;
  }

  /** Rating and label as the file's XMP says, when it says (another tool changed them). */
  applyFileCulling(id: number, rating: number | null, label: string | null): void {
    if (rating !== null && Number.isInteger(rating) && rating >= 0 && rating <= 5) {
      statements(this.db).prepare('UPDATE assets SET rating = ? WHERE id = ?').run(rating, id);
    }
    const known = ['red', 'yellow', 'green', 'blue', 'purple'];
    if (label !== null && known.includes(label.toLowerCase())) {
      statements(this.db)
        .prepare('UPDATE assets SET label = ? WHERE id = ?')
        .run(label.toLowerCase(), id);
    }
  }

  /** The content hash, known before the rest of the asset is read. */
  recordHash(id: number, hash: string): void {
    statements(this.db).prepare('UPDATE assets SET hash = ? WHERE id = ?').run(hash, id);
  }

  /** Copies of an asset whose content has since changed are copies no more. */
  releaseCopies(id: number, hash: string): void {
    statements(this.db)
      .prepare('UPDATE assets SET duplicate_of = NULL WHERE duplicate_of = ? AND hash != ?')
      .run(id, hash);
  }

  /** Assets in a folder whose file a sidecar named `stem.xmp` or `name.ext.xmp` may describe. */
  sidecarOwners(catalogId: number, sidecarRelPath: string): number[] {
    const base = sidecarRelPath.replace(/\.xmp$/i, '');
    const folder = folderOf(sidecarRelPath);
    return statements(this.db)
      .prepare<[number, string], { id: number; rel_path: string }>(
        'SELECT id, rel_path FROM assets WHERE catalog_id = ? AND folder = ?',
      )
      .all(catalogId, folder)
      .filter((r) => r.rel_path === base || stemOf(r.rel_path) === base)
      .map((r) => r.id);
  }

  /** Records a content the asset has at its path, once per distinct content in a row. */
  recordVersion(
    id: number,
    v: { hash: string; bytes: number; width: number | null; height: number | null },
  ): void {
    const last = statements(this.db)
      .prepare<[number], { hash: string }>(
        'SELECT hash FROM asset_versions WHERE asset_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(id);
    if (last?.hash === v.hash) return;
    statements(this.db)
      .prepare(
        'INSERT INTO asset_versions (asset_id, hash, bytes, width, height, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, v.hash, v.bytes, v.width, v.height, new Date().toISOString());
  }

  /** True when some registered asset has this content hash: media may be served for it. */
  hasHash(hash: string): boolean {
    return (
      statements(this.db)
        .prepare<[string], { one: number }>('SELECT 1 AS one FROM assets WHERE hash = ? LIMIT 1')
        .get(hash) !== undefined
    );
  }

  totals(): { assets: number; errors: number } {
    const row = statements(this.db)
      .prepare<[], { assets: number; errors: number }>(
        `SELECT count(*) FILTER (WHERE state != 'missing') AS assets,
                count(*) FILTER (WHERE state = 'error') AS errors FROM assets`,
      )
      .get();
    return { assets: row?.assets ?? 0, errors: row?.errors ?? 0 };
  }

  /** Every folder of a catalog that holds assets, and the folders above them. */
  folders(catalogId: number): string[] {
    const found = new Set<string>(['']);
    for (const { folder } of statements(this.db)
      .prepare<[number], { folder: string }>(
        'SELECT DISTINCT folder FROM assets WHERE catalog_id = ?',
      )
      .all(catalogId)) {
      for (let at = folder.length; at > 0; at = folder.lastIndexOf('/', at - 1))
        found.add(folder.slice(0, at));
    }
    return [...found];
  }

  /** Asset counts per folder (direct children only), for building the folder tree. */
  folderCounts(catalogId?: number): { catalogId: number; folder: string; count: number }[] {
    const where = catalogId === undefined ? '' : 'AND catalog_id = ?';
    return statements(this.db)
      .prepare<unknown[], { catalog_id: number; folder: string; n: number }>(
        `SELECT catalog_id, folder, count(*) AS n FROM assets WHERE state != 'missing' ${where}
         GROUP BY catalog_id, folder`,
      )
      .all(...(catalogId === undefined ? [] : [catalogId]))
      .map((r) => ({ catalogId: r.catalog_id, folder: r.folder, count: r.n }));
  }
}
