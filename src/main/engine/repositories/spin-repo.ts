import { join } from 'node:path';
import type { AssetState } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { SpinBadge, SpinFrame } from '../../../shared/spin-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface SpinRow {
  id: number;
  name: string;
  created_at: number;
  source: string | null;
  cover_asset_id: number;
}

/** One frame as it was stored: enough to put a spin back exactly (undo). */
export interface StoredFrame {
  assetId: number;
  number: number | null;
}

/** A spin whole: its row and its frames in order. Undo keeps these, before and after. */
export interface SpinSnapshot {
  row: SpinRow;
  frames: StoredFrame[];
}

/** A frame with its file, for the viewer, warnings and export. */
export interface FrameFile extends SpinFrame {
  path: string;
  relPath: string;
  catalogId: number;
}

const ROW = 'SELECT id, name, created_at, source, cover_asset_id FROM spins';

/** spins and spin_frames: every write puts a whole spin, so undo is one snapshot back. */
export class SpinRepo {
  constructor(private readonly db: Db) {}

  rows(): SpinRow[] {
    return statements(this.db)
      .prepare<[], SpinRow>(`${ROW} ORDER BY name COLLATE NOCASE, id`)
      .all();
  }

  get(id: number): SpinRow | undefined {
    return statements(this.db).prepare<[number], SpinRow>(`${ROW} WHERE id = ?`).get(id);
  }

  require(id: number): SpinRow {
    const row = this.get(id);
    if (!row) throw new PackshotError('not_found', `No spin with id ${id}`);
    return row;
  }

  frames(spinId: number): StoredFrame[] {
    return statements(this.db)
      .prepare<[number], { asset_id: number; number: number | null }>(
        'SELECT asset_id, number FROM spin_frames WHERE spin_id = ? ORDER BY position',
      )
      .all(spinId)
      .map((r) => ({ assetId: r.asset_id, number: r.number }));
  }

  snapshot(id: number): SpinSnapshot | null {
    const row = this.get(id);
    return row ? { row, frames: this.frames(id) } : null;
  }

  /** Frame counts per spin (the list). */
  counts(): Map<number, number> {
    const rows = statements(this.db)
      .prepare<[], { spin_id: number; n: number }>(
        'SELECT spin_id, count(*) AS n FROM spin_frames GROUP BY spin_id',
      )
      .all();
    return new Map(rows.map((r) => [r.spin_id, r.n]));
  }

  /** The frames with their files, in order. */
  frameFiles(spinId: number): FrameFile[] {
    return statements(this.db)
      .prepare<
        [number],
        {
          asset_id: number;
          position: number;
          number: number | null;
          name: string;
          hash: string | null;
          state: AssetState;
          width: number | null;
          height: number | null;
          rel_path: string;
          catalog_id: number;
          catalog_path: string;
        }
      >(
        `SELECT f.asset_id, f.position, f.number, a.name, a.hash, a.state, a.width, a.height,
                a.rel_path, a.catalog_id, c.path AS catalog_path
         FROM spin_frames f JOIN assets a ON a.id = f.asset_id
         JOIN catalogs c ON c.id = a.catalog_id
         WHERE f.spin_id = ? ORDER BY f.position`,
      )
      .all(spinId)
      .map((r, i) => ({
        assetId: r.asset_id,
        position: i,
        number: r.number,
        name: r.name,
        hash: r.hash,
        state: r.state,
        width: r.width,
        height: r.height,
        relPath: r.rel_path,
        catalogId: r.catalog_id,
        path: join(r.catalog_path, ...r.rel_path.split('/')),
      }));
  }

  /** Which of these assets are frames already, with their spin's name. */
  taken(assetIds: readonly number[]): Map<number, string> {
    if (assetIds.length === 0) return new Map();
    const rows = statements(this.db)
      .prepare<[string], { asset_id: number; name: string }>(
        `SELECT f.asset_id, s.name FROM json_each(?) j
         JOIN spin_frames f ON f.asset_id = j.value JOIN spins s ON s.id = f.spin_id`,
      )
      .all(JSON.stringify(assetIds));
    return new Map(rows.map((r) => [r.asset_id, r.name]));
  }

  /** Images among these assets (frames are images), with their names. */
  images(assetIds: readonly number[]): { id: number; name: string }[] {
    if (assetIds.length === 0) return [];
    return statements(this.db)
      .prepare<[string], { id: number; name: string }>(
        `SELECT a.id, a.name FROM json_each(?) j JOIN assets a ON a.id = j.value
         WHERE a.kind = 'image'`,
      )
      .all(JSON.stringify(assetIds));
  }

  /** The images directly in one folder of a catalog (a folder of frames). */
  imagesInFolder(catalogId: number, folder: string): { id: number; name: string }[] {
    return statements(this.db)
      .prepare<[number, string], { id: number; name: string }>(
        `SELECT id, name FROM assets WHERE catalog_id = ? AND folder = ? AND kind = 'image'`,
      )
      .all(catalogId, folder);
  }

  /** Every image's id and name (a naming rule over the whole library). */
  allImages(): { id: number; name: string }[] {
    return statements(this.db)
      .prepare<[], { id: number; name: string }>(`SELECT id, name FROM assets WHERE kind = 'image'`)
      .all();
  }

  /** Creates the row; its frames follow with `setFrames`. */
  insert(name: string, source: string | null, cover: number, id?: number): number {
    return Number(
      statements(this.db)
        .prepare(
          'INSERT INTO spins (id, name, created_at, source, cover_asset_id) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id ?? null, name, Date.now(), source, cover).lastInsertRowid,
    );
  }

  /** Puts a spin back as the snapshot has it (or removes it, for null). */
  put(id: number, snapshot: SpinSnapshot | null): void {
    if (snapshot === null) {
      statements(this.db).prepare('DELETE FROM spins WHERE id = ?').run(id);
      return;
    }
    const { row } = snapshot;
    statements(this.db)
      .prepare(
        `INSERT INTO spins (id, name, created_at, source, cover_asset_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, source = excluded.source,
           cover_asset_id = excluded.cover_asset_id`,
      )
      .run(row.id, row.name, row.created_at, row.source, row.cover_asset_id);
    this.setFrames(row.id, snapshot.frames);
  }

  /**
   * The spin's frames become exactly these, in order. Assets deleted since are skipped; an
   * asset another spin took meanwhile is refused (undo then changes nothing).
   */
  setFrames(spinId: number, frames: readonly StoredFrame[]): void {
    const s = statements(this.db);
    s.prepare('DELETE FROM spin_frames WHERE spin_id = ?').run(spinId);
    const insert = s.prepare(
      `INSERT INTO spin_frames (asset_id, spin_id, position, number)
       SELECT id, ?, ?, ? FROM assets WHERE id = ?`,
    );
    let position = 0;
    for (const f of frames) {
      try {
        if (insert.run(spinId, position, f.number, f.assetId).changes > 0) position++;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw new PackshotError('conflict', `Asset ${f.assetId} is already a frame of a spin`);
        throw error;
      }
    }
    // The cover stays when it is still a frame; else the first frame becomes it.
    s.prepare(
      `UPDATE spins SET cover_asset_id = coalesce(
         (SELECT asset_id FROM spin_frames WHERE spin_id = spins.id AND asset_id = spins.cover_asset_id),
         (SELECT asset_id FROM spin_frames WHERE spin_id = spins.id ORDER BY position LIMIT 1))
       WHERE id = ?`,
    ).run(spinId);
  }

  rename(id: number, name: string): void {
    statements(this.db).prepare('UPDATE spins SET name = ? WHERE id = ?').run(name, id);
  }

  /** The spins these assets are covers of: the grid's badge for each tile. */
  badges(assetIds: readonly number[]): Map<number, Omit<SpinBadge, 'warning'>> {
    const out = new Map<number, Omit<SpinBadge, 'warning'>>();
    if (assetIds.length === 0) return out;
    const rows = statements(this.db)
      .prepare<[string], { cover: number; id: number; name: string; frames: number }>(
        `SELECT s.cover_asset_id AS cover, s.id, s.name,
                (SELECT count(*) FROM spin_frames f WHERE f.spin_id = s.id) AS frames
         FROM json_each(?) j JOIN spins s ON s.cover_asset_id = j.value`,
      )
      .all(JSON.stringify(assetIds));
    for (const r of rows) out.set(r.cover, { id: r.id, name: r.name, frames: r.frames });
    return out;
  }

  /** The spin a product's link points at: the one whose cover (or any frame) is this asset. */
  spinOfAsset(assetId: number): number | null {
    return (
      statements(this.db)
        .prepare<[number], { spin_id: number }>(
          'SELECT spin_id FROM spin_frames WHERE asset_id = ?',
        )
        .get(assetId)?.spin_id ?? null
    );
  }

  /** SKUs of the products that link this spin's cover in the role 'spin'. */
  skus(spinId: number): string[] {
    return statements(this.db)
      .prepare<[number], { sku: string }>(
        `SELECT DISTINCT p.sku FROM spins s JOIN product_links l ON l.asset_id = s.cover_asset_id
         JOIN products p ON p.id = l.product_id WHERE s.id = ? AND l.role = 'spin' ORDER BY p.sku`,
      )
      .all(spinId)
      .map((r) => r.sku);
  }
}
