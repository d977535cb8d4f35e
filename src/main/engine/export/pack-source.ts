// Read-only view of what a pack is made of: products (by SKU, name or attribute words),
// their linked images, the images' analysis, focal points and overrides. Plain SQL over
// the products schema (migration 8) and this feature's tables (migration 10).
import { join } from 'node:path';
import type { RenditionOverride } from '../../../shared/export-dto';
import { MEDIA_ROLES, type MediaRole } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface PackProduct {
  id: number;
  sku: string;
  name: string;
  parentSku: string | null;
  /** Its own attributes over its parent's (a variant inherits brand, keeps its colour). */
  attributes: Record<string, string>;
  /** Channels it sells on; empty: every channel. */
  channels: string[];
  images: PackImage[];
}

export interface PackImage {
  assetId: number;
  role: MediaRole;
  position: number;
  name: string;
  path: string;
  kind: string;
  state: string;
  hash: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  /** EXIF orientation 5–8 swaps width and height on screen. */
  orientation: number | null;
  whiteBg: number | null;
  fill: number | null;
  sharpness: number | null;
  focus: { x: number; y: number } | null;
}

export interface Selection {
  query?: string;
  productIds?: number[];
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  parent_sku: string | null;
  attributes: string;
  parent_attributes: string | null;
  channels: string;
}

interface ImageRow {
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
  format: string | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  white_bg: number | null;
  fill: number | null;
  sharpness: number | null;
  fx: number | null;
  fy: number | null;
}

const ROLE_ORDER = new Map(MEDIA_ROLES.map((r, i) => [r, i]));

export class PackSource {
  constructor(private readonly db: Db) {}

  /** Products in SKU order, each with its images in board order (role, then position). */
  products(selection: Selection): PackProduct[] {
    const rows = statements(this.db)
      .prepare<[], ProductRow>(
        `SELECT p.id, p.sku, p.name, q.sku AS parent_sku, p.attributes,
                q.attributes AS parent_attributes, p.channels
         FROM products p LEFT JOIN products q ON q.id = p.parent_id
         ORDER BY p.sku COLLATE NOCASE, p.id`,
      )
      .all();
    const ids = selection.productIds ? new Set(selection.productIds) : null;
    const words = (selection.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = rows
      .filter((r) => !ids || ids.has(r.id))
      .map(toProduct)
      .filter((p) => words.every((w) => haystack(p).includes(w)));
    const images = this.images(chosen.map((p) => p.id));
    for (const p of chosen) {
      p.images = (images.get(p.id) ?? []).sort(
        (a, b) =>
          (ROLE_ORDER.get(a.role) ?? 0) - (ROLE_ORDER.get(b.role) ?? 0) ||
          a.position - b.position ||
          a.assetId - b.assetId,
      );
    }
    return chosen;
  }

  /** Overrides of these assets: for one preset, merged over those for every preset ('*'). */
  overrides(assetIds: readonly number[]): Map<number, RenditionOverride[]> {
    const out = new Map<number, RenditionOverride[]>();
    for (const chunk of chunks(assetIds, 500)) {
      const rows = statements(this.db)
        .prepare<number[], { asset_id: number; preset_id: string; options: string }>(
          `SELECT asset_id, preset_id, options FROM rendition_overrides
           WHERE asset_id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk);
      for (const r of rows) {
        const list = out.get(r.asset_id) ?? [];
        list.push({
          ...(JSON.parse(r.options) as object),
          assetId: r.asset_id,
          presetId: r.preset_id === '*' ? null : r.preset_id,
        });
        out.set(r.asset_id, list);
      }
    }
    return out;
  }

  private images(productIds: readonly number[]): Map<number, PackImage[]> {
    const out = new Map<number, PackImage[]>();
    for (const chunk of chunks(productIds, 500)) {
      const rows = statements(this.db)
        .prepare<number[], ImageRow>(
          `SELECT l.product_id, l.asset_id, l.role, l.position, a.name, a.rel_path,
                  c.path AS catalog_path, a.kind, a.state, a.hash, a.format, a.width, a.height,
                  a.orientation, a.white_bg, a.fill, a.sharpness, f.x AS fx, f.y AS fy
           FROM product_links l
           JOIN assets a ON a.id = l.asset_id
           JOIN catalogs c ON c.id = a.catalog_id
           LEFT JOIN asset_focus f ON f.asset_id = a.id
           WHERE l.product_id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk);
      for (const r of rows) {
        const list = out.get(r.product_id) ?? [];
        list.push({
          assetId: r.asset_id,
          role: r.role,
          position: r.position,
          name: r.name,
          path: join(r.catalog_path, ...r.rel_path.split('/')),
          kind: r.kind,
          state: r.state,
          hash: r.hash,
          format: r.format,
          width: r.width,
          height: r.height,
          orientation: r.orientation,
          whiteBg: r.white_bg,
          fill: r.fill,
          sharpness: r.sharpness,
          focus: r.fx === null || r.fy === null ? null : { x: r.fx, y: r.fy },
        });
        out.set(r.product_id, list);
      }
    }
    return out;
  }
}

function toProduct(r: ProductRow): PackProduct {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    parentSku: r.parent_sku,
    attributes: { ...parseObject(r.parent_attributes), ...parseObject(r.attributes) },
    channels: parseArray(r.channels),
    images: [],
  };
}

function haystack(p: PackProduct): string {
  return [p.sku, p.name, ...Object.values(p.attributes)].join(' ').toLowerCase();
}

function parseObject(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
  } catch {
    return {};
  }
}

function parseArray(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Shown width and height (EXIF orientation 5–8 turns the image a quarter). */
export function displaySize(img: PackImage): { width: number; height: number } | null {
  if (img.width === null || img.height === null) return null;
  const turned = img.orientation !== null && img.orientation >= 5 && img.orientation <= 8;
  return turned
    ? { width: img.height, height: img.width }
    : { width: img.width, height: img.height };
}
