import type { AssetQuery } from '../repositories/asset-query';
import type { CompiledQuery } from '../repositories/compile-query';
import { assetSearch } from '../repositories/search-query';
import type { CollectionRepo } from '../repositories/collection-repo';

/**
 * What listing a collection adds to an asset query: a smart collection's search (ANDed
 * with what was typed), or a manual collection's membership. No collection: the typed
 * search alone.
 */
export function collectionScope(
  collections: CollectionRepo,
  collectionId: number | undefined,
  typed: CompiledQuery | undefined,
): Pick<AssetQuery, 'search' | 'collectionId' | 'collectionOrder'> {
  if (collectionId === undefined) return { search: typed };
  const row = collections.require(collectionId);
  if (row.kind === 'manual') return { search: typed, collectionId };
  const saved = savedSearch(row.query ?? '');
  return { search: typed && saved ? both(typed, saved) : (typed ?? saved) };
}

/** A smart collection's query compiled; throws invalid_argument (with a caret) when bad. */
export function savedSearch(text: string): CompiledQuery | undefined {
  return assetSearch(text);
}

/** Both searches; what was typed ranks the list when it ranks (~"…", like:), else the saved one. */
function both(a: CompiledQuery, b: CompiledQuery): CompiledQuery {
  const rank = a.rank ?? b.rank;
  const sql = `(${a.sql}) AND (${b.sql})`;
  const term = { op: 'and' as const, items: [a.term, b.term] };
  return { sql, params: [...a.params, ...b.params], term, ...(rank ? { rank } : {}) };
}
