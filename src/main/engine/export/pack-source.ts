// What a pack is made of: the products a query selects, their linked images (with analysis
// and focal points) in board order, their attributes over their parent's, and overrides.
// The SQL is in repositories/pack-source-repo.ts.
import { join } from 'node:path';
import type { RenditionOverride } from '../../../shared/export-dto';
import type { MediaFacts } from '../../../shared/media-facts';
import { MEDIA_ROLES, type MediaRole } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import {
  PackSourceRepo,
  type PackImageRow,
  type PackProductRow,
} from '../repositories/pack-source-repo';
import { MediaFactsRepo } from '../repositories/media-facts-repo';
import type { AssetText } from '../repositories/published-text-repo';
import { productSearch } from '../repositories/search-query';
import type { RightsFacts } from '../rights/check-rights';

/** What the export handler loads for each image before planning. */
export interface PackRights {
  facts: RightsFacts;
  /** The day the check is made for ('YYYY-MM-DD'). */
  date: string;
  /** The library records no licence at all: "no licence recorded" is not worth a warning. */
  noLicencesInLibrary: boolean;
  /** `--approved-only`: every preset requires approval. */
  approvedOnly: boolean;
  /** `--territory`: checked instead of each preset's territories; null: the presets'. */
  territory: string | null;
}

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
  /** Filled for a static headless pack (headless/headless-text.ts): its last change, ms. */
  updatedAt?: number;
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
  /** File size as last indexed. */
  bytes: number;
  format: string | null;
  width: number | null;
  height: number | null;
  /** EXIF orientation 5–8 swaps width and height on screen. */
  orientation: number | null;
  whiteBg: number | null;
  /** The thumbnail's border band all opaque pure white; null: not measured (older index). */
  pureWhiteBorder: boolean | null;
  fill: number | null;
  sharpness: number | null;
  focus: { x: number; y: number } | null;
  /**
   * A video's, 3D model's or manual's facts from indexing (media_facts: duration and codecs,
   * triangles and textures, pages and encryption): pre-flight and export never probe again. Null for photos.
   */
  facts: MediaFacts | null;
  /** Filled by the export handler for pre-flight's rights check. */
  rights?: PackRights;
  /** What OCR read in it (lines), '' for none; null or absent: not read for this content. */
  ocrText?: string | null;
  /** Filled for a static headless pack: its own title and description, its placeholder. */
  text?: AssetText;
  /** A spin's cover in a static headless pack: the spin's frames, in order. */
  frames?: PackImage[];
}

export interface Selection {
  /** The search language; a product is selected as README "Channel packs" says. */
  query?: string;
  productIds?: number[];
  /** Only images approved for their current content (`--approved-only`). */
  approvedOnly?: boolean;
  /** The rights check's territory (`--territory`), over the presets' own. */
  territory?: string;
}

const ROLE_ORDER = new Map(MEDIA_ROLES.map((r, i) => [r, i]));

export class PackSource {
  private readonly repo: PackSourceRepo;
  private readonly facts: MediaFactsRepo;

  constructor(db: Db) {
    this.repo = new PackSourceRepo(db);
    this.facts = new MediaFactsRepo(db);
  }

  /**
   * Products in SKU order, each with its images in board order (role, then position). A bad
   * query throws invalid_argument with a caret under the mistake, as the grid's search does.
   */
  products(selection: Selection): PackProduct[] {
    const ids = selection.productIds ? new Set(selection.productIds) : null;
    const chosen = this.repo
      .products(productSearch(selection.query))
      .filter((r) => !ids || ids.has(r.id))
      .map(toProduct);
    const images = new Map<number, PackImage[]>();
    const rows = this.repo.images(chosen.map((p) => p.id));
    // Videos, models and manuals carry the facts indexing read: pre-flight and export use
    // them (photos need none).
    const rich = rows.filter(
      (r) => r.kind === 'model' || r.kind === 'video' || r.kind === 'document',
    );
    const facts = this.facts.getMany([...new Set(rich.map((r) => r.asset_id))]);
    for (const row of rows) {
      const list = images.get(row.product_id) ?? [];
      list.push({ ...toImage(row), facts: facts.get(row.asset_id) ?? null });
      images.set(row.product_id, list);
    }
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

  /** Gives each 'spin' link its spin's frames (a static headless pack publishes them). */
  attachSpinFrames(products: readonly PackProduct[]): void {
    const covers = products.flatMap((p) => p.images.filter((i) => i.role === 'spin'));
    const frames = new Map<number, PackImage[]>();
    for (const row of this.repo.spinFrames([...new Set(covers.map((c) => c.assetId))])) {
      const list = frames.get(row.cover) ?? [];
      list.push(toImage({ ...row, product_id: 0 }));
      frames.set(row.cover, list);
    }
    for (const cover of covers) cover.frames = frames.get(cover.assetId) ?? [];
  }

  /** Overrides of these assets: for one preset, merged over those for every preset ('*'). */
  overrides(assetIds: readonly number[]): Map<number, RenditionOverride[]> {
    const out = new Map<number, RenditionOverride[]>();
    for (const r of this.repo.overrides(assetIds)) {
      const list = out.get(r.asset_id) ?? [];
      list.push({
        ...(JSON.parse(r.options) as object),
        assetId: r.asset_id,
        presetId: r.preset_id === '*' ? null : r.preset_id,
      });
      out.set(r.asset_id, list);
    }
    return out;
  }
}

function toImage(r: PackImageRow): PackImage {
  return {
    assetId: r.asset_id,
    role: r.role,
    position: r.position,
    name: r.name,
    path: join(r.catalog_path, ...r.rel_path.split('/')),
    kind: r.kind,
    state: r.state,
    hash: r.hash,
    bytes: r.bytes,
    format: r.format,
    width: r.width,
    height: r.height,
    orientation: r.orientation,
    whiteBg: r.white_bg,
    pureWhiteBorder: r.pure_white_border === null ? null : r.pure_white_border === 1,
    fill: r.fill,
    sharpness: r.sharpness,
    focus: r.fx === null || r.fy === null ? null : { x: r.fx, y: r.fy },
    facts: null,
  };
}

function toProduct(r: PackProductRow): PackProduct {
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

/** Shown width and height (EXIF orientation 5–8 turns the image a quarter). */
export function displaySize(img: PackImage): { width: number; height: number } | null {
  if (img.width === null || img.height === null) return null;
  const turned = img.orientation !== null && img.orientation >= 5 && img.orientation <= 8;
  return turned
    ? { width: img.height, height: img.width }
    : { width: img.width, height: img.height };
}
