// What the grid lists: which catalog and folder, in which order, narrowed by which filters.
// Pure functions, so the rules (a folder belongs to a catalog; formats compare as sets) live
// in one place and the store only applies them.
import type { MethodArgs } from '../../../shared/contract';
import type { AssetFilter, AssetSort } from '../../../shared/dto';
import { queryReadsAi } from '../../../shared/search-fields';

export interface AssetsView {
  /** null: every catalog. */
  catalogId: number | null;
  /** Folder relative to the catalog ('' is its root); null: the whole catalog. */
  folder: string | null;
  sort: AssetSort;
  filter: AssetFilter;
  /** Only these formats (as in Asset.format); empty: every format. */
  formats: readonly string[];
  /** The search language, as typed ('' for none). */
  query: string;
  /** Culling: leave rejected frames out of the list. */
  hideRejects: boolean;
  /** A collection shown instead of a catalog; a manual one lists in its own order. */
  collection: { id: number; manual: boolean } | null;
}

export const DEFAULT_VIEW: AssetsView = {
  catalogId: null,
  folder: null,
  sort: 'name',
  filter: 'all',
  formats: [],
  query: '',
  hideRejects: false,
  collection: null,
};

/**
 * Applies a change. Switching catalog leaves the old folder behind unless the change names
 * one; a folder without a catalog means nothing, so it is dropped; formats are kept sorted
 * and unique so equal selections compare equal. Choosing a catalog or folder leaves a
 * collection; choosing a collection shows it across every catalog.
 */
export function nextView(current: AssetsView, change: Partial<AssetsView>): AssetsView {
  const view = { ...current, ...change };
  if (change.collection === undefined && (change.catalogId !== undefined || change.folder))
    view.collection = null;
  if (change.collection) {
    view.catalogId = null;
    view.folder = null;
  }
  if (change.catalogId !== undefined && change.catalogId !== current.catalogId) {
    view.folder = change.folder ?? null;
  }
  if (view.catalogId === null || view.folder === '') view.folder = null;
  view.formats = [...new Set(view.formats.map((f) => f.toLowerCase()))].sort();
  view.query = view.query.trim();
  return view;
}

export function sameView(a: AssetsView, b: AssetsView): boolean {
  return (
    a.catalogId === b.catalogId &&
    a.folder === b.folder &&
    a.sort === b.sort &&
    a.filter === b.filter &&
    a.query === b.query &&
    a.hideRejects === b.hideRejects &&
    a.collection?.id === b.collection?.id &&
    a.collection?.manual === b.collection?.manual &&
    a.formats.length === b.formats.length &&
    a.formats.every((f, i) => f === b.formats[i])
  );
}

/** The `assets.list` arguments for one page of this view; defaults are left out. */
export function listArgs(
  view: AssetsView,
  offset: number,
  limit: number,
): MethodArgs<'assets.list'> {
  return {
    offset,
    limit,
    // The grid shows no keywords: rows without them (the preview reads its asset's).
    keywords: false,
    // A manual collection comes in its own order, which is what a sort would replace.
    ...(view.collection?.manual ? {} : { sort: view.sort }),
    ...(view.collection !== null ? { collectionId: view.collection.id } : {}),
    ...(view.catalogId !== null ? { catalogId: view.catalogId } : {}),
    ...(view.catalogId !== null && view.folder !== null ? { folder: view.folder } : {}),
    ...(view.formats.length > 0 ? { formats: [...view.formats] } : {}),
    ...(view.filter !== 'all' ? { filter: view.filter } : {}),
    ...withQuery(listQuery(view)),
  };
}

/**
 * The search the list runs: the user's query, narrowed by hide-rejects. The user's query is
 * parenthesised so its own ORs cannot swallow the NOT: `a OR b` → `(a OR b) AND NOT flag:reject`.
 */
export function listQuery(view: Pick<AssetsView, 'query' | 'hideRejects'>): string {
  const query = view.query.trim();
  if (!view.hideRejects) return query;
  return query === '' ? 'NOT flag:reject' : `(${query}) AND NOT flag:reject`;
}

function withQuery(query: string): { query?: string } {
  return query === '' ? {} : { query };
}

/**
 * The view as one search query, when the search language can say all of it (no catalog,
 * folder, collection, state filter or format narrowing); null otherwise. Used to act on "select all"
 * without listing every id.
 */
export function viewAsQuery(view: AssetsView): string | null {
  if (
    view.catalogId !== null ||
    view.collection !== null ||
    view.filter !== 'all' ||
    view.formats.length > 0
  )
    return null;
  return listQuery(view);
}

/**
 * Whether indexing can move rows in or out of this view, or reorder it: formats, capture
 * dates, duplicates and errors are learnt when a file is read, not when it is listed.
 */
export function viewDependsOnIndexing(view: AssetsView): boolean {
  return (
    view.filter !== 'all' ||
    view.formats.length > 0 ||
    view.sort === 'captured' ||
    view.query.trim() !== '' ||
    view.hideRejects ||
    (view.collection !== null && !view.collection.manual)
  );
}

/**
 * Whether the offline AI's results can move rows in or out of this view (`assets.changed`
 * with only 'ai'): its query reads them, or it is a saved search, which may.
 */
export function viewDependsOnAi(view: AssetsView): boolean {
  return queryReadsAi(view.query) || (view.collection !== null && !view.collection.manual);
}
