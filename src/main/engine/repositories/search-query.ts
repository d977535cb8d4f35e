// The one way from typed text to SQL: every place that takes a query (the grid, bulk edits,
// saved searches, export and check) parses it here, so all refuse the same mistakes with the
// same caret error (invalid_argument).
import { compileQuery, type CompiledQuery } from './compile-query';
import { parseQuery } from '../search/parse-query';

/** A query over files; undefined for a blank one (no filter). */
export function assetSearch(text: string | undefined): CompiledQuery | undefined {
  const parsed = text === undefined ? null : parseQuery(text);
  return parsed && text !== undefined ? compileQuery(parsed, text) : undefined;
}

/** A query over products: true of a product alone, or of the product with one of its files. */
export interface ProductSearch {
  /** Over `products p`. */
  product: CompiledQuery;
  /** Over `product_links l JOIN products p JOIN assets a JOIN catalogs c`. */
  link: CompiledQuery;
}

/** A query that selects products (export, check); undefined for a blank one (every product). */
export function productSearch(text: string | undefined): ProductSearch | undefined {
  const parsed = text === undefined ? null : parseQuery(text);
  if (!parsed || text === undefined) return undefined;
  return {
    product: compileQuery(parsed, text, 'product'),
    link: compileQuery(parsed, text, 'link'),
  };
}

/**
 * `p.id IN (…)`: the products a search selects. Set-based: those it holds for on their own,
 * united with those it holds for beside one of their own linked files.
 */
export function productFilter(search: ProductSearch): { sql: string; params: unknown[] } {
  return {
    sql: `p.id IN (
           SELECT p.id FROM products p WHERE ${search.product.sql}
           UNION
           SELECT l.product_id FROM product_links l
           JOIN products p ON p.id = l.product_id
           JOIN assets a ON a.id = l.asset_id
           JOIN catalogs c ON c.id = a.catalog_id
           WHERE ${search.link.sql})`,
    params: [...search.product.params, ...search.link.params],
  };
}
