import type { AssetRow } from './asset-row';

/**
 * ASSET_SELECT's columns in their order. A row made by `rowOf` is one object literal, so
 * every row has one shape: building them key by key from the names cost ~3 ms a page of
 * 500 (a keyed store per column), the literal ~0.2 ms, and toAsset then reads them faster.
 */
const COLUMNS = [
  'id',
  'catalog_id',
  'catalog_path',
  'rel_path',
  'name',
  'folder',
  'bytes',
  'mtime_ms',
  'hash',
  'format',
  'width',
  'height',
  'state',
  'error',
  'thumb',
  'kind',
  'orientation',
  'captured_at',
  'camera',
  'duplicate_of',
  'placeholder',
  'notice',
  'added_at',
  'rating',
  'flag',
  'label',
  'colors',
  'white_bg',
  'fill',
  'sharpness',
  'similar_group',
  'violation',
  'versions',
] as const satisfies readonly (keyof AssetRow)[];

/** Each value is its column's, as SQLite gives it. */
function rowOf(v: unknown[]): AssetRow {
  return {
    id: v[0],
    catalog_id: v[1],
    catalog_path: v[2],
    rel_path: v[3],
    name: v[4],
    folder: v[5],
    bytes: v[6],
    mtime_ms: v[7],
    hash: v[8],
    format: v[9],
    width: v[10],
    height: v[11],
    state: v[12],
    error: v[13],
    thumb: v[14],
    kind: v[15],
    orientation: v[16],
    captured_at: v[17],
    camera: v[18],
    duplicate_of: v[19],
    placeholder: v[20],
    notice: v[21],
    added_at: v[22],
    rating: v[23],
    flag: v[24],
    label: v[25],
    colors: v[26],
    white_bg: v[27],
    fill: v[28],
    sharpness: v[29],
    similar_group: v[30],
    violation: v[31],
    versions: v[32],
  } as AssetRow;
}

/**
 * A maker of rows from raw value arrays with these column names: `rowOf` when they are
 * ASSET_SELECT's as listed above, else one built key by key (a column added to the SELECT
 * and not here is still read, only slower).
 */
export function rowMaker(names: readonly string[]): (values: unknown[]) => AssetRow {
  if (names.length === COLUMNS.length && names.every((n, i) => n === COLUMNS[i])) return rowOf;
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row as unknown as AssetRow;
  };
}

/** Whether rowMaker takes the fast literal for these names (asset-query-rows.test.ts). */
export function isAssetSelect(names: readonly string[]): boolean {
  return rowMaker(names) === rowOf;
}
