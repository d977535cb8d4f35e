import { join, sep } from 'node:path';
import type {
  Analysis,
  Asset,
  AssetKind,
  AssetMetadata,
  AssetState,
  ColorLabel,
  Flag,
  ThumbState,
} from '../../../shared/dto';

/** One row of the asset query below, as SQLite returns it. */
export interface AssetRow {
  id: number;
  catalog_id: number;
  catalog_path: string;
  rel_path: string;
  name: string;
  folder: string;
  bytes: number;
  mtime_ms: number;
  hash: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  state: AssetState;
  error: string | null;
  thumb: ThumbState;
  kind: AssetKind;
  orientation: number | null;
  captured_at: string | null;
  camera: string | null;
  duplicate_of: number | null;
  placeholder: string | null;
  notice: string | null;
  added_at: number;
  versions: number;
  rating: number;
  flag: Flag;
  label: ColorLabel | null;
  colors: string | null;
  white_bg: number | null;
  fill: number | null;
  sharpness: number | null;
  similar_group: number | null;
  violation: string | null;
}

/** Assets joined with their catalog; an unreachable catalog shows its assets offline. */
export const ASSET_SELECT = `
  SELECT a.id, a.catalog_id, c.path AS catalog_path, a.rel_path, a.name, a.folder, a.bytes,
         a.mtime_ms, a.hash, a.format, a.width, a.height,
         CASE WHEN c.online = 0 AND a.state != 'missing' THEN 'offline' ELSE a.state END AS state,
         a.error, a.thumb, a.kind, a.orientation, a.captured_at, a.camera,
         a.duplicate_of, a.placeholder, a.notice, a.added_at, a.rating, a.flag, a.label,
         a.colors, a.white_bg, a.fill, a.sharpness, a.similar_group, a.violation,
         (SELECT count(*) FROM asset_versions v WHERE v.asset_id = a.id) AS versions
  FROM assets a JOIN catalogs c ON c.id = a.catalog_id`;

/** EXIF orientations 5–8 turn the image a quarter: width and height swap on screen. */
export function isQuarterTurn(orientation: number | null): boolean {
  return orientation !== null && orientation >= 5 && orientation <= 8;
}

/**
 * The row as the contract's Asset; keywords are left out when not given (a grid page). Two
 * literals rather than a spread in one (which made each object key by key), with the same
 * keys in the same order, so the answers' JSON is unchanged. With assetPath: ~2.0 → ~1.0 ms
 * a page of 500 (measured in one process, old beside new).
 */
export function toAsset(row: AssetRow, keywords?: string[]): Asset {
  const swap = isQuarterTurn(row.orientation);
  const path = assetPath(row.catalog_path, row.rel_path);
  const displayWidth = swap ? row.height : row.width;
  const displayHeight = swap ? row.width : row.height;
  const addedAt = new Date(row.added_at).toISOString();
  const analysis = analysisOf(row);
  if (keywords === undefined)
    return {
      id: row.id,
      catalogId: row.catalog_id,
      path,
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
      kind: row.kind,
      folder: row.folder,
      orientation: row.orientation,
      displayWidth,
      displayHeight,
      capturedAt: row.captured_at,
      camera: row.camera,
      duplicateOf: row.duplicate_of,
      versions: row.versions,
      placeholder: row.placeholder,
      notice: row.notice,
      addedAt,
      rating: row.rating,
      flag: row.flag,
      label: row.label,
      analysis,
      similarGroup: row.similar_group,
      violation: row.violation,
    };
  return {
    id: row.id,
    catalogId: row.catalog_id,
    path,
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
    kind: row.kind,
    folder: row.folder,
    orientation: row.orientation,
    displayWidth,
    displayHeight,
    capturedAt: row.captured_at,
    camera: row.camera,
    keywords,
    duplicateOf: row.duplicate_of,
    versions: row.versions,
    placeholder: row.placeholder,
    notice: row.notice,
    addedAt,
    rating: row.rating,
    flag: row.flag,
    label: row.label,
    analysis,
    similarGroup: row.similar_group,
    violation: row.violation,
  };
}

function analysisOf(row: AssetRow): Analysis | null {
  if (row.sharpness === null) return null;
  return {
    colors: parseColors(row.colors),
    whiteBackground: row.white_bg ?? 0,
    fill: row.fill ?? 0,
    sharpness: row.sharpness,
  };
}

/**
 * A catalog path is clean when join leaves it as it is, it does not end in '/', and it is
 * not '.' (which join drops); asked once per catalog path.
 */
const cleanCatalogs = new Map<string, boolean>();

/** A relative path join would copy as it is: no empty, '.' or '..' segment. */
const UNCLEAN_REL = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * The file's absolute path: `join(catalog, ...relPath's segments)`. Where the separator is
 * '/' and both parts are already normal (nearly always), the join is a concatenation rather
 * than join's normalising walk over every character (asset-row.test holds the two equal).
 */
export function assetPath(catalogPath: string, relPath: string): string {
  if (sep === '/' && !UNCLEAN_REL.test(relPath)) {
    let clean = cleanCatalogs.get(catalogPath);
    if (clean === undefined) {
      clean =
        catalogPath !== '.' && !catalogPath.endsWith('/') && join(catalogPath) === catalogPath;
      if (cleanCatalogs.size > 1000) cleanCatalogs.clear();
      cleanCatalogs.set(catalogPath, clean);
    }
    if (clean) return `${catalogPath}/${relPath}`;
  }
  return join(catalogPath, ...relPath.split('/'));
}

export function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function parseMetadata(json: string | null): AssetMetadata | null {
  if (!json) return null;
  try {
    // Rows indexed before the rights claims were read have none.
    return { rightsClaims: null, ...(JSON.parse(json) as Omit<AssetMetadata, 'rightsClaims'>) };
  } catch {
    return null;
  }
}

export function folderOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash < 0 ? '' : relPath.slice(0, slash);
}

function parseColors(json: string | null): Analysis['colors'] {
  try {
    const value = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(value) ? (value as Analysis['colors']) : [];
  } catch {
    return [];
  }
}
