import { faultPoint } from '../../faults/fault-points';
import type {
  ColumnMap,
  CsvPreview,
  ImportReport,
  RowProblem,
} from '../../../../shared/product-dto';
import { PackshotError } from '../../../../shared/errors';
import type { Db } from '../../db/open-database';
import { fieldsOf, type ProductFields, type ProductRepo } from '../../repositories/product-repo';
import { detectDialect, suggestMap } from './csv-dialects';
import { boundItem, CSV_LIMITS } from './csv-limits';
import { expandRows, type Incoming } from './expand-rows';
import { readCsv } from './read-csv';
import { writeTransaction } from '../../db/write-transaction';

const PREVIEW_ROWS = 20;

export function previewCsv(bytes: Uint8Array): CsvPreview {
  const table = readCsv(bytes, PREVIEW_ROWS);
  const dialect = detectDialect(table.headers);
  return {
    encoding: table.encoding,
    separator: table.separator,
    dialect,
    headers: table.headers,
    rows: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells.map(cut)),
    rowCount: table.rowCount,
    suggested: suggestMap(table.headers, dialect),
  };
}

/**
 * Creates or updates products by SKU (never a second product for a SKU). A bad row is
 * reported with its line and skipped; the others are imported. Cells the file leaves empty
 * keep what the product had, so a partial file does not wipe hand-made edits.
 */
export function importProducts(
  db: Db,
  products: ProductRepo,
  bytes: Uint8Array,
  given?: ColumnMap,
): ImportReport {
  const table = readCsv(bytes);
  const dialect = detectDialect(table.headers);
  const map = given ?? suggestMap(table.headers, dialect);
  const named = [
    map.sku,
    map.name,
    map.parent,
    map.channels,
    map.productType,
    ...(map.attributes ?? []),
  ];
  const unknown = named.filter((h): h is string => !!h && !table.headers.includes(h));
  if (unknown.length > 0)
    throw new PackshotError(
      'invalid_argument',
      `The file has no column ${unknown.map((h) => `'${h}'`).join(', ')} (it has: ${table.headers.join(', ')})`,
    );
  const long = (map.attributes ?? []).find((h) => h.length > CSV_LIMITS.attributeName);
  if (long !== undefined)
    throw new PackshotError(
      'invalid_argument',
      `Column '${long.slice(0, 60)}…' cannot be an attribute: its name is over ${CSV_LIMITS.attributeName} characters`,
    );
  const expanded = expandRows(table.headers, table.rows, map, dialect);
  const problems: RowProblem[] = [...expanded.problems];
  const items = firstOfEachSku(expanded.items, problems);

  // Built inside: a transaction retried while busy starts over from nothing.
  const done = writeTransaction(db, () => {
    const late: RowProblem[] = [];
    const ids = products.idsBySku();
    const outcome = new Map<Incoming, 'created' | 'updated' | 'unchanged'>();
    const written = new Map<Incoming, ProductFields>();
    // Pass 1: every product's own fields, so parents later in the file exist in pass 2.
    for (const item of items) {
      const id = ids.get(item.sku.toLowerCase());
      if (id === undefined) {
        const fields = merged(null, item);
        ids.set(item.sku.toLowerCase(), products.create(fields));
        written.set(item, fields);
        outcome.set(item, 'created');
      } else {
        const fields = merged(fieldsOf(products.require(id)), item);
        written.set(item, fields);
        outcome.set(item, products.update(id, fields) ? 'updated' : 'unchanged');
      }
    }
    faultPoint('products.import-mid');
    // Pass 2: parents, by SKU, in the file or already in Packshot.
    for (const item of items) {
      if (item.parentSku === undefined) continue;
      const id = ids.get(item.sku.toLowerCase()) as number;
      const current = written.get(item) as ProductFields;
      let parentId: number | null = null;
      if (item.parentSku !== null) {
        const found = ids.get(item.parentSku.toLowerCase());
        if (found === undefined) {
          // The product's own data is fine, so it is imported; it keeps the parent it had.
          // Akeneo exports name product models that live in a separate export: importing
          // that export (or creating the model) and re-importing links them.
          late.push({
            line: item.line,
            sku: item.sku,
            reason: `unknown parent '${item.parentSku}': imported without it`,
          });
          continue;
        }
        parentId = found;
      }
      try {
        if (products.update(id, { ...current, parentId }) && outcome.get(item) === 'unchanged')
          outcome.set(item, 'updated');
      } catch (error) {
        late.push({
          line: item.line,
          sku: item.sku,
          reason: `parent '${item.parentSku}': ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    return { outcome, late };
  });
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, problems };
  for (const state of done.outcome.values()) report[state]++;
  problems.push(...done.late);
  problems.sort((a, b) => a.line - b.line);
  return report;
}

/** Drops rows whose SKU came earlier in the file (the first one wins) or is unusable. */
function firstOfEachSku(items: readonly Incoming[], problems: RowProblem[]): Incoming[] {
  const seen = new Map<string, number>();
  const kept: Incoming[] = [];
  for (const given of items) {
    const bounded = boundItem(given, problems);
    if (!bounded.ok) {
      problems.push({ line: given.line, sku: given.sku.slice(0, 40), reason: bounded.reason });
      continue;
    }
    const item = bounded.item;
    const key = item.sku.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line: item.line,
        sku: item.sku,
        reason: `SKU twice in the file (first on line ${earlier})`,
      });
    } else if (item.parentSku?.toLowerCase() === key) {
      problems.push({
        line: item.line,
        sku: item.sku,
        reason: 'a product cannot be its own parent',
      });
    } else {
      seen.set(key, item.line);
      kept.push(item);
    }
  }
  return kept;
}

/** A preview cell cut short: the table shows a glimpse, and a huge cell must not travel. */
function cut(cell: string): string {
  return cell.length > CSV_LIMITS.previewCell ? `${cell.slice(0, CSV_LIMITS.previewCell)}…` : cell;
}

/** The file's values over what the product had (parents are set in the second pass). */
function merged(current: ProductFields | null, item: Incoming): ProductFields {
  return {
    sku: current?.sku ?? item.sku,
    name: item.name ?? current?.name ?? '',
    parentId: current?.parentId ?? null,
    attributes: { ...current?.attributes, ...item.attributes },
    channels: item.channels ?? current?.channels ?? [],
    productType: item.productType ?? current?.productType ?? null,
  };
}
