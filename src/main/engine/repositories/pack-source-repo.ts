// The SQL behind a channel pack: which products a query selects, their rows (with the parent's
// SKU and attributes), their linked files with analysis and focal points, and overrides.
// Read-only; the products schema (migration 8) and the export tables (migration 10).
import type { Db } from '../db/open-database';
import { productFilter, type ProductSearch } from './search-query';
import type { MediaRole } from '../../../shared/product-dto';
import { statements } from '../db/statement-cache';

export interface PackProductRow {
  id: number;
  sku: string;
  name: string;
  parent_sku: string | null;
  attributes: string;
  parent_attributes: string | null;
  channels: string;
}

export interface PackImageRow {
  product_id: number;
  asset_id: number;
  role: MediaRole;
  position: number;
  name: string;
  rel_path: string;
  catalog_path: string;
  kind: string;
  state: string;
  hash: string | null;
  bytes: number;
  format: string | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  white_bg: number | null;
  pure_white_border: number | null;
  fill: number | null;
  sharpness: number | null;
  fx: number | null;
  fy: number | null;
}

export interface OverrideRow {
  asset_id: number;
  preset_id: string;
  options: string;
}

/** Bound parameters per statement stay well under SQLite's limit. */
const CHUNK = 500;

export class PackSourceRepo {
  constructor(private readonly db: Db) {}

  /**
   * Products in SKU order: all of them, or those the search selects. Set-based: the products
   * the query holds for on their own, united with those it holds for beside one of their own
   * linked files (the files a pack is made of; a variant's parent's files are not its own).
   */
  products(search: ProductSearch | undefined): PackProductRow[] {
    const chosen = search ? productFilter(search) : { sql: '1', params: [] };
    return statements(this.db)
      .prepare<unknown[], PackProductRow>(
        `SELECT p.id, p.sku, p.name, q.sku AS parent_sku, p.attributes,
                q.attributes AS parent_attributes, p.channels
         FROM products p LEFT JOIN products q ON q.id = p.parent_id
         WHERE ${chosen.sql}
         ORDER BY p.sku COLLATE NOCASE, p.id`,
      )
      .all(...chosen.params);
  }

  /** The files linked to these products, with their catalog's path, analysis and focus. */
  images(productIds: readonly number[]): PackImageRow[] {
    return chunks(productIds).flatMap((chunk) =>
      statements(this.db)
        .prepare<number[], PackImageRow>(
          `SELECT l.product_id, l.asset_id, l.role, l.position, a.name, a.rel_path,
                  c.path AS catalog_path, a.kind, a.state, a.hash, a.bytes, a.format, a.width, a.height,
                  a.orientation, a.white_bg, a.pure_white_border, a.fill, a.sharpness,
                  f.x AS fx, f.y AS fy
           FROM product_links l
           JOIN assets a ON a.id = l.asset_id
           JOIN catalogs c ON c.id = a.catalog_id
           LEFT JOIN asset_focus f ON f.asset_id = a.id
           WHERE l.product_id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk),
    );
  }

  /** The frames of the spins whose covers these are, in each spin's order (static headless
   *  pack: a product links a spin by its cover in the role 'spin'). */
  spinFrames(
    coverIds: readonly number[],
  ): (Omit<PackImageRow, 'product_id'> & { cover: number })[] {
    return chunks(coverIds).flatMap((chunk) =>
      statements(this.db)
        .prepare<number[], Omit<PackImageRow, 'product_id'> & { cover: number }>(
          `SELECT s.cover_asset_id AS cover, a.id AS asset_id, 'spin' AS role, sf.position,
                  a.name, a.rel_path, c.path AS catalog_path, a.kind, a.state, a.hash, a.bytes,
                  a.format, a.width, a.height, a.orientation, a.white_bg, a.pure_white_border,
                  a.fill, a.sharpness, f.x AS fx, f.y AS fy
           FROM spins s
           JOIN spin_frames sf ON sf.spin_id = s.id
           JOIN assets a ON a.id = sf.asset_id
           JOIN catalogs c ON c.id = a.catalog_id
           LEFT JOIN asset_focus f ON f.asset_id = a.id
           WHERE s.cover_asset_id IN (${chunk.map(() => '?').join(',')})
           ORDER BY s.cover_asset_id, sf.position`,
        )
        .all(...chunk),
    );
  }

  /** The rendition overrides of these assets, for one preset or for every one ('*'). */
  overrides(assetIds: readonly number[]): OverrideRow[] {
    return chunks(assetIds).flatMap((chunk) =>
      statements(this.db)
        .prepare<number[], OverrideRow>(
          `SELECT asset_id, preset_id, options FROM rendition_overrides
           WHERE asset_id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk),
    );
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
