import type { ColumnMap, RowProblem } from '../../../../shared/product-dto';
import type { Dialect } from './csv-dialects';
import type { CsvRow } from './read-csv';

/** A product as one row (or a Shopify handle) states it. Undefined: the file does not say. */
export interface Incoming {
  line: number;
  sku: string;
  name?: string;
  /** null: the file says it has no parent. */
  parentSku?: string | null;
  channels?: string[];
  productType?: string;
  attributes: Record<string, string>;
}

interface Columns {
  get(row: CsvRow, header: string | null | undefined): string;
  /** A header as spelled in the file, found case-insensitively. */
  find(name: string): string | null;
}

/** Rows → products, in the shape each dialect gives them. */
export function expandRows(
  headers: readonly string[],
  rows: readonly CsvRow[],
  map: ColumnMap,
  dialect: Dialect,
): { items: Incoming[]; problems: RowProblem[] } {
  const index = new Map(headers.map((h, i) => [h, i]));
  const columns: Columns = {
    get: (row, header) => {
      if (!header) return '';
      const at = index.get(header);
      return at === undefined ? '' : (row.cells[at] ?? '').trim();
    },
    find: (name) => headers.find((h) => h.toLowerCase() === name.toLowerCase()) ?? null,
  };
  return dialect === 'shopify' ? shopifyRows(rows, map, columns) : plainRows(rows, map, columns);
}

/** One row, one product (generic CSVs and Akeneo exports). */
function plainRows(rows: readonly CsvRow[], map: ColumnMap, c: Columns) {
  const items: Incoming[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const sku = c.get(row, map.sku);
    if (!sku) {
      problems.push({ line: row.line, sku: null, reason: 'no SKU' });
      continue;
    }
    const item: Incoming = { line: row.line, sku, attributes: attributesOf(row, map, c) };
    const name = c.get(row, map.name);
    if (map.name && name) item.name = name;
    if (map.parent) item.parentSku = c.get(row, map.parent) || null;
    const channels = c.get(row, map.channels);
    if (map.channels && channels) item.channels = parseChannels(channels);
    const type = c.get(row, map.productType);
    if (map.productType && type) item.productType = type;
    items.push(item);
  }
  return { items, problems };
}

/**
 * Shopify: the product is the Handle (named by the first row's Title); every row with a
 * Variant SKU is a variant of it, named by its option values. Rows holding only another
 * image (Handle and Image Src) are part of the export, not mistakes.
 */
function shopifyRows(rows: readonly CsvRow[], map: ColumnMap, c: Columns) {
  const items: Incoming[] = [];
  const problems: RowProblem[] = [];
  const handles = new Map<string, { name: string; options: string[] }>();
  const optionHeaders = [1, 2, 3].map((n) => ({
    name: c.find(`Option${n} Name`),
    value: c.find(`Option${n} Value`),
  }));
  for (const row of rows) {
    const handle = c.get(row, map.parent);
    const title = c.get(row, map.name);
    const variantSku = c.get(row, map.sku);
    if (!handle && !variantSku) {
      problems.push({ line: row.line, sku: null, reason: 'no SKU (no Handle, no Variant SKU)' });
      continue;
    }
    const attributes = attributesOf(row, map, c);
    const own = (variant: boolean): Record<string, string> =>
      Object.fromEntries(
        Object.entries(attributes).filter(
          ([k]) => k.toLowerCase().startsWith('variant ') === variant,
        ),
      );
    let parent = handle ? handles.get(handle.toLowerCase()) : undefined;
    if (handle && !parent) {
      parent = {
        name: title,
        options: optionHeaders.map((o) => c.get(row, o.name)),
      };
      handles.set(handle.toLowerCase(), parent);
      const item: Incoming = {
        line: row.line,
        sku: handle,
        parentSku: null,
        attributes: own(false),
      };
      if (title) item.name = title;
      const type = c.get(row, map.productType);
      if (map.productType && type) item.productType = type;
      items.push(item);
    }
    if (!variantSku || variantSku.toLowerCase() === handle.toLowerCase()) continue;
    const options = optionHeaders
      .map((o, i) => ({ name: parent?.options[i] ?? '', value: c.get(row, o.value) }))
      .filter((o) => o.value !== '');
    const shown = options.map((o) => o.value).filter((v) => v !== 'Default Title');
    const variant: Incoming = {
      line: row.line,
      sku: variantSku,
      name: [parent?.name ?? '', ...shown].filter(Boolean).join(' / '),
      parentSku: handle || null,
      attributes: {
        ...(handle && title ? own(true) : attributes),
        ...Object.fromEntries(
          options.filter((o) => o.name && o.name !== 'Title').map((o) => [o.name, o.value]),
        ),
      },
    };
    items.push(variant);
  }
  return { items, problems };
}

function attributesOf(row: CsvRow, map: ColumnMap, c: Columns): Record<string, string> {
  // fromEntries defines own properties: a column named __proto__ stays an attribute.
  const entries: [string, string][] = [];
  for (const header of map.attributes ?? []) {
    const value = c.get(row, header);
    if (value !== '') entries.push([header, value]);
  }
  return Object.fromEntries(entries);
}

/** 'amazon, Shopify|ebay' → ['amazon', 'shopify', 'ebay']. */
export function parseChannels(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[,;|]/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
