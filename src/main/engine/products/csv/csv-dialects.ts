import type { ColumnMap, CsvPreview } from '../../../../shared/product-dto';

export type Dialect = CsvPreview['dialect'];

const lower = (headers: readonly string[]): string[] => headers.map((h) => h.toLowerCase());

/** Shopify's product export starts with Handle and has Variant SKU; Akeneo's has sku (or a model's code) and family. */
export function detectDialect(headers: readonly string[]): Dialect {
  const h = lower(headers);
  if (h.includes('handle') && h.includes('variant sku')) return 'shopify';
  const akeneoKey = h.includes('sku') || (h.includes('code') && h.includes('family_variant'));
  if (akeneoKey && (h.includes('family') || h.includes('categories') || h.includes('parent')))
    return 'akeneo';
  return 'generic';
}

/** The header as spelled in the file, found case-insensitively by any of `names`. */
function find(headers: readonly string[], ...names: string[]): string | null {
  for (const name of names) {
    const hit = headers.find((h) => h.toLowerCase() === name);
    if (hit !== undefined) return hit;
  }
  return null;
}

/** A mapping to start the mapping step from; the user can change every part of it. */
export function suggestMap(headers: readonly string[], dialect: Dialect): ColumnMap {
  const first = headers.find((h) => h !== '') ?? '';
  const rest = (taken: (string | null | undefined)[]): string[] =>
    headers.filter((h) => h !== '' && !taken.includes(h));
  switch (dialect) {
    case 'shopify': {
      const map = {
        sku: find(headers, 'variant sku') ?? first,
        name: find(headers, 'title'),
        parent: find(headers, 'handle'),
        channels: null,
        productType: find(headers, 'type', 'product category'),
      };
      // The columns worth keeping; images, SEO, prices per market are not product facts here.
      const wanted = ['vendor', 'tags', 'variant barcode', 'variant price', 'variant grams'];
      return {
        ...map,
        attributes: headers.filter((h) => wanted.includes(h.toLowerCase())),
      };
    }
    case 'akeneo': {
      const map = {
        sku: find(headers, 'sku', 'code') ?? first,
        name:
          find(headers, 'name-en_us', 'name-en_gb', 'name', 'label-en_us') ??
          headers.find((h) => /^(name|label)-/i.test(h)) ??
          null,
        parent: find(headers, 'parent'),
        channels: null,
        productType: find(headers, 'family'),
      };
      return { ...map, attributes: rest([map.sku, map.name, map.parent, map.productType]) };
    }
    case 'generic': {
      const map = {
        sku:
          find(
            headers,
            'sku',
            'article',
            'article number',
            'item number',
            'product code',
            'code',
          ) ?? first,
        name: find(headers, 'name', 'title', 'product name', 'product'),
        parent: find(headers, 'parent', 'parent sku', 'parent_sku', 'model'),
        channels: find(headers, 'channels', 'channel', 'sales channels'),
        productType: find(headers, 'type', 'product type', 'product_type', 'family', 'category'),
      };
      return {
        ...map,
        attributes: rest([map.sku, map.name, map.parent, map.channels, map.productType]),
      };
    }
  }
}
