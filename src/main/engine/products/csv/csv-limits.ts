import type { RowProblem } from '../../../../shared/product-dto';
import { UPLOAD_MAX_BYTES } from '../../../../shared/methods/uploads-methods';
import type { Incoming } from './expand-rows';

/**
 * Bounds on what one CSV row may bring in. They match what products.create/update accept,
 * so an imported product can be edited and saved as it is, and sit far above real catalogues
 * (Shopify caps titles at 255 characters and SKUs at 255, Akeneo's text fields at 255).
 * A 20 MB cell is a broken export, not a product name.
 */
export const CSV_LIMITS = {
  /** The whole file (a path or an upload). */
  fileBytes: UPLOAD_MAX_BYTES,
  sku: 200,
  name: 1000,
  productType: 200,
  channels: 100,
  channel: 100,
  /** An attribute's name: its column header. */
  attributeName: 200,
  attributeValue: 10_000,
  /** Any header cell: a header longer than this is not a header. */
  header: 500,
  /** Cells shown in the preview are cut to this (the import reads them whole). */
  previewCell: 200,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Whether `item` is within the bounds: a reason to skip the row, or the row with any
 * over-long attribute values left out (each reported, the rest of the row imported).
 */
export function boundItem(
  item: Incoming,
  problems: RowProblem[],
): { ok: true; item: Incoming } | { ok: false; reason: string } {
  const over = (what: string, value: string, max: number): string =>
    `${what} is ${count(value.length)} characters long, over the ${count(max)} allowed: row skipped`;
  if (item.sku.length > CSV_LIMITS.sku)
    return { ok: false, reason: over('SKU', item.sku, CSV_LIMITS.sku) };
  // SQLite's NOCASE compares up to a NUL: two SKUs would collide, and no SKU holds one.
  for (const [what, sku] of [
    ['SKU', item.sku],
    ['parent SKU', item.parentSku ?? ''],
  ] as const) {
    const at = sku.search(CONTROL);
    if (at !== -1)
      return {
        ok: false,
        reason: `${what} holds a control character (U+${sku.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}) at position ${at + 1}: row skipped (is the file's encoding right?)`,
      };
  }
  if (item.name !== undefined && item.name.length > CSV_LIMITS.name)
    return { ok: false, reason: over('name', item.name, CSV_LIMITS.name) };
  if (item.parentSku && item.parentSku.length > CSV_LIMITS.sku)
    return { ok: false, reason: over('parent SKU', item.parentSku, CSV_LIMITS.sku) };
  if (item.productType !== undefined && item.productType.length > CSV_LIMITS.productType)
    return { ok: false, reason: over('product type', item.productType, CSV_LIMITS.productType) };
  if (item.channels) {
    if (item.channels.length > CSV_LIMITS.channels)
      return {
        ok: false,
        reason: `${count(item.channels.length)} channels, over the ${CSV_LIMITS.channels} allowed: row skipped`,
      };
    const long = item.channels.find((c) => c.length > CSV_LIMITS.channel);
    if (long !== undefined)
      return { ok: false, reason: over('a channel', long, CSV_LIMITS.channel) };
  }
  let attributes = item.attributes;
  for (const [key, value] of Object.entries(item.attributes)) {
    if (value.length <= CSV_LIMITS.attributeValue) continue;
    if (attributes === item.attributes) attributes = { ...item.attributes };
    delete attributes[key];
    problems.push({
      line: item.line,
      sku: item.sku,
      reason: `'${key.slice(0, 60)}' is ${count(value.length)} characters long, over the ${count(CSV_LIMITS.attributeValue)} allowed: imported without it`,
    });
  }
  return { ok: true, item: attributes === item.attributes ? item : { ...item, attributes } };
}
