// Products (SKUs), their media links, CSV import, filename rules and readiness: data that
// crosses the contract.
import type { AssetKind } from './dto';

/** The slots of a product's media board, in board order. */
export const MEDIA_ROLES = [
  'main',
  'gallery',
  'detail',
  'lifestyle',
  'swatch',
  'spin',
  'video',
  'document',
  'model',
] as const;
export type MediaRole = (typeof MEDIA_ROLES)[number];

const STILLS: readonly AssetKind[] = ['image', 'raw', 'vector'];
/**
 * The kinds of file each role holds: the photo roles take stills, video, document and
 * model their own kind. Pre-flight fails a file in a role that does not take its kind (a
 * video linked as main), and readiness counts only the kinds a role takes.
 */
export const ROLE_KINDS: Readonly<Record<MediaRole, readonly AssetKind[]>> = {
  main: STILLS,
  gallery: STILLS,
  detail: STILLS,
  lifestyle: STILLS,
  swatch: STILLS,
  spin: STILLS,
  video: ['video'],
  document: ['document'],
  model: ['model'],
};

/** Media a channel may want beside the photos (a preset's rules.requires), each in its own role. */
export const REQUIRED_MEDIA = ['video', 'model', 'document'] as const;
export type RequiredMedia = (typeof REQUIRED_MEDIA)[number];

/** How a readiness or pre-flight message names each, with the role it is linked in. */
export const REQUIRED_MEDIA_WORDS: Readonly<Record<RequiredMedia, string>> = {
  video: 'a video linked as video',
  model: 'a 3D model linked as model',
  document: 'a manual (PDF) linked as document',
};

export interface Product {
  id: number;
  /** Unique, as the shop knows it. */
  sku: string;
  name: string;
  /** The model this product is a variant of (a colour, a size), or null. */
  parentId: number | null;
  parentSku: string | null;
  /** Free attributes from import or by hand: color, size, brand, type … */
  attributes: Record<string, string>;
  /** Channel ids it sells on (preset ids, e.g. 'amazon', 'shopify'). */
  channels: string[];
  /** Decides what it needs, e.g. a manual for 'appliance'; null when not known. */
  productType: string | null;
  variantCount: number;
  linkCount: number;
  /** The main image, for list thumbnails. */
  mainAssetId: number | null;
  mainHash: string | null;
  updatedAt: string;
}

export interface ProductLink {
  productId: number;
  assetId: number;
  role: MediaRole;
  /** 0-based order within its role. */
  position: number;
  /** The asset's name, state, size and hash, to draw the slot without another call. */
  name: string;
  state: string;
  hash: string | null;
  thumb: string;
  placeholder: string | null;
  width: number | null;
  height: number | null;
}

export interface ProductDetail extends Product {
  variants: Product[];
  links: ProductLink[];
}

export interface ProductPage {
  total: number;
  offset: number;
  items: Product[];
}

/** Which column of a CSV holds what. Names are header cells as they appear in the file. */
export interface ColumnMap {
  sku: string;
  name?: string | null;
  parent?: string | null;
  /** One cell, channel ids separated by ',' ';' or '|'. */
  channels?: string | null;
  productType?: string | null;
  /** Columns kept as free attributes (the attribute is named after the header). */
  attributes?: string[];
}

export type CsvEncoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le'
  | 'utf-16le-bom'
  | 'utf-16be'
  | 'utf-16be-bom'
  | 'windows-1252';
export type CsvSeparator = ',' | ';' | '\t';

export interface CsvPreview {
  encoding: CsvEncoding;
  separator: CsvSeparator;
  /** Recognised export: Shopify's product CSV, Akeneo's product export, or anything else. */
  dialect: 'shopify' | 'akeneo' | 'generic';
  headers: string[];
  /** The first rows after the header, as parsed. */
  rows: string[][];
  rowCount: number;
  /** A mapping guessed from the headers, to start the mapping step from. */
  suggested: ColumnMap;
}

export interface RowProblem {
  /** Line in the file (1 is the header), where the row starts. */
  line: number;
  sku: string | null;
  reason: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

/** A filename rule: a regular expression with named groups sku, and optionally position, role. */
export interface LinkRule {
  id: number;
  name: string;
  pattern: string;
  /** Run on files as they arrive, not only when asked. */
  auto: boolean;
  /** Why a stored rule is skipped (saved before patterns ran on RE2, which refuses it). */
  problem?: string;
}

export interface RuleLink {
  assetId: number;
  relPath: string;
  productId: number;
  sku: string;
  role: MediaRole;
  position: number;
  rule: string;
}

export interface RuleMiss {
  assetId: number;
  relPath: string;
  reason: string;
}

/** What a rule run links, what it cannot decide, and what it leaves alone. */
export interface RulePlan {
  links: RuleLink[];
  /** Already linked elsewhere in that slot, two files for one slot, an unknown role … */
  conflicts: RuleMiss[];
  /** The name matched a rule but no product has that SKU. */
  unknownSku: RuleMiss[];
  /** Number of assets whose names matched no rule. */
  unmatched: number;
}

export interface ReadinessReason {
  /** e.g. no_main, few_gallery, main_too_small, no_document, missing_file. */
  code: string;
  message: string;
}

export interface Readiness {
  productId: number;
  sku: string;
  name: string;
  channel: string;
  /** 0–100: share of the channel's checks this product passes. */
  score: number;
  reasons: ReadinessReason[];
}

export interface NotReadyReport {
  /** What blocks the most products first. */
  blockers: { code: string; message: string; products: number }[];
  items: Readiness[];
}
