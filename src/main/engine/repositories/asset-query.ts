import type { AssetFilter, AssetSort } from '../../../shared/dto';
import type { CompiledQuery, QueryTerm } from './compile-query';

export interface AssetQuery {
  catalogId?: number;
  folder?: string;
  formats?: string[];
  filter: AssetFilter;
  sort: AssetSort;
  /** A compiled search-box query. */
  search?: CompiledQuery;
  /** Only members of this manual collection. */
  collectionId?: number;
  /** List in the collection's own order instead of `sort`. */
  collectionOrder?: boolean;
}

export const ORDER: Record<AssetSort, string> = {
  name: 'a.name COLLATE NOCASE, a.id',
  captured: 'a.captured_at IS NULL, a.captured_at, a.id',
  added: 'a.added_at DESC, a.id DESC',
  // All DESC, so SQLite walks the (bytes, id) index backwards instead of sorting.
  size: 'a.bytes DESC, a.id DESC',
};

const FILTER: Record<AssetFilter, string> = {
  all: '1',
  missing: `a.state = 'missing'`,
  errors: `a.state = 'error'`,
  duplicates: `(a.duplicate_of IS NOT NULL OR a.id IN
                (SELECT d.duplicate_of FROM assets d WHERE d.duplicate_of IS NOT NULL))`,
  offline: `c.online = 0 AND a.state != 'missing'`,
  unlinked: `NOT EXISTS (SELECT 1 FROM product_links l WHERE l.asset_id = a.id)`,
};

/**
 * A spin's frames other than its cover are left out of lists: the cover's tile stands for
 * the spin. One set per query (SQLite builds it once, a few hundred ids), probed by id from
 * whichever index the list walks, so it costs no read of the wide row (measured in the
 * README's spins paragraph); a manual collection still lists the frames put in it.
 */
export const HIDDEN_SET = `SELECT f.asset_id FROM spin_frames f
  JOIN spins s ON s.id = f.spin_id WHERE f.asset_id != s.cover_asset_id`;
export const HIDDEN_FRAMES = `+a.id NOT IN (${HIDDEN_SET})`;
/** How many frames lists leave out. */
export const HIDDEN_COUNT = `SELECT count(*) AS n FROM (${HIDDEN_SET})`;

/** WHERE and ORDER BY for a list query, with its parameters, built from fixed fragments. */
export function buildAssetQuery(query: AssetQuery): {
  where: string;
  order: string;
  /** The WHERE's parameters. */
  params: unknown[];
  /** The ORDER BY's (a ranking by similarity), bound after the WHERE's. */
  orderParams: unknown[];
  /** Whether the WHERE reads the catalog (alias c): a count can skip the join otherwise. */
  readsCatalog: boolean;
  /**
   * True for the whole library unfiltered: its count is the table's quick count less the
   * hidden frames (a count of spin_frames), not a probe of the set for each of 100,000 rows
   * (1,750 hidden frames of 100,000: 34 → 1 ms). A filtered count keeps the probe: driving from the set
   * into the wide table cost more than it saved (README, spins).
   */
  wholeLibrary: boolean;
  /** The WHERE as terms ANDed (the list index); the hidden frames are the term HIDDEN_FRAMES. */
  terms: QueryTerm[];
} {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const terms: QueryTerm[] = [];
  const clause = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
    terms.push({ op: 'sql', sql, params: values });
  };
  clause(FILTER[query.filter]);
  if (query.catalogId !== undefined) {
    clause('a.catalog_id = ?', query.catalogId);
    const folder = query.folder?.replace(/^\/+|\/+$/g, '') ?? '';
    // This folder and everything below it: '0' sorts right after '/'.
    if (folder !== '')
      clause(
        '(a.folder = ? OR (a.folder >= ? AND a.folder < ?))',
        folder,
        `${folder}/`,
        `${folder}0`,
      );
  }
  if (query.formats && query.formats.length > 0)
    clause(`a.format IN (${query.formats.map(() => '?').join(', ')})`, ...query.formats);
  if (query.search) {
    clauses.push(query.search.sql);
    params.push(...query.search.params);
    terms.push(query.search.term);
  }
  let order = ORDER[query.sort];
  const orderParams: unknown[] = [];
  // A search by meaning or look (~"…", like:) lists its best matches first; the sort
  // chosen orders equals.
  if (query.search?.rank) {
    order = `${query.search.rank.sql}, ${order}`;
    orderParams.push(...query.search.rank.params);
  }
  if (query.collectionId !== undefined) {
    clause(
      'a.id IN (SELECT asset_id FROM collection_items WHERE collection_id = ?)',
      query.collectionId,
    );
    // ORDER BY comes after the WHERE parameters, so the (validated integer) id is inlined.
    if (query.collectionOrder) {
      orderParams.length = 0;
      order = `(SELECT ci.position FROM collection_items ci
                WHERE ci.collection_id = ${Math.trunc(query.collectionId)} AND ci.asset_id = a.id), a.id`;
    }
  }
  const all = clauses.join(' AND ');
  const hide = query.collectionId === undefined;
  const where = hide ? `${all} AND ${HIDDEN_FRAMES}` : all;
  if (hide) terms.push({ op: 'sql', sql: HIDDEN_FRAMES, params: [] });
  return {
    terms,
    where,
    order,
    params,
    orderParams,
    readsCatalog: /\bc\./.test(all),
    wholeLibrary: hide && all === '1',
  };
}
