// A window onto the asset list: the total, plus a sparse cache of pages fetched by
// offset/limit only when the grid shows them, so 100,000 assets cost a few pages.
//
// Freshness is tracked with a logical clock: each request takes a ticket; invalidations
// (list changed, an asset indexed) stamp the clock too. A cached page is fresh when its
// ticket is newer than every invalidation that applies to it. At most one request per page
// is in flight; when it lands stale, the page is fetched again if still wanted. So a burst
// of events costs one refetch per visible page, not one per event.
//
// Few requests at a time (maxInFlight): a fast scroll or a sweep through the list passes
// hundreds of pages, and the engine answers in order, so requesting each one as it passes
// would queue the page the user stops on behind all of them. A freed slot goes to a page
// wanted then.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Asset, PlaceholderReady, ThumbReady } from '../../../shared/dto';
import type { Client } from '../client';
import { PAGE_SIZE, pageOf, type Pages } from './asset-pages';
import {
  DEFAULT_VIEW,
  listArgs,
  nextView,
  sameView,
  viewDependsOnAi,
  viewDependsOnIndexing,
  type AssetsView,
} from './asset-view';
import type { NoticesStore } from './notices-store';

export type { AssetsView };

export interface AssetsState {
  view: AssetsView;
  /** null until the first page of this view arrives. */
  total: number | null;
  pages: Pages;
  /** Why the last page request failed; cleared by the next success. */
  error: string | null;

  setView(change: Partial<AssetsView>): void;
  /** The grid shows list indices first..last (inclusive): load what is missing or stale. */
  ensureRange(first: number, last: number): void;
  /**
   * `assets.changed`: rows were added or removed (null: in any catalog); only 'ai': only AI
   * results moved, which a view whose search does not read them ignores.
   */
  invalidate(catalogId: number | null, only?: 'ai'): void;
  /** `assets.indexed`: patch thumbnail and state in place and refresh what else changed. */
  applyIndexed(items: readonly ThumbReady[]): void;
  /** `assets.placeholders`: a quick look's placeholders, painted in place (no refetch). */
  applyPlaceholders(items: readonly PlaceholderReady[]): void;
  /** Drops the error and fetches the visible pages again. */
  retry(): void;
}

export type AssetsStore = StoreApi<AssetsState>;

export interface AssetsStoreOptions {
  /** Pages kept in memory; the farthest from view are dropped first. */
  maxCachedPages?: number;
  /** Event-driven refetches wait this long so bursts of events collapse into one. */
  refetchDelayMs?: number;
  /** Page requests in flight at once; the rest wait for a slot (and may no longer be wanted). */
  maxInFlight?: number;
}

export function createAssetsStore(
  client: Client,
  notices: NoticesStore,
  options: AssetsStoreOptions = {},
): AssetsStore {
  const maxCachedPages = options.maxCachedPages ?? 40;
  const refetchDelayMs = options.refetchDelayMs ?? 200;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 2);

  let clock = 0;
  let viewInvalidatedAt = 0;
  /** Bumped by setView: replies for an older view are dropped. */
  let epoch = 0;
  const ticketOf = new Map<number, number>();
  const pageInvalidatedAt = new Map<number, number>();
  const inflight = new Set<number>();
  /** Pages the grid currently shows (inclusive). */
  let wanted = { first: 0, last: 0 };
  /** Where each cached asset sits in the list, for patching by id. */
  const indexOfId = new Map<number, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  return createStore<AssetsState>()((set, get) => {
    /** Pages in flight land stale (fetched again); whether there were any. */
    const staleInFlight = (): boolean => {
      for (const page of inflight) pageInvalidatedAt.set(page, ++clock);
      return inflight.size > 0;
    };
    const isFresh = (page: number): boolean => {
      const ticket = ticketOf.get(page);
      if (ticket === undefined) return false;
      return ticket > viewInvalidatedAt && ticket > (pageInvalidatedAt.get(page) ?? 0);
    };

    const dropIds = (items: readonly Asset[] | undefined, page: number): void => {
      for (const asset of items ?? []) {
        const at = indexOfId.get(asset.id);
        if (at !== undefined && pageOf(at) === page) indexOfId.delete(asset.id);
      }
    };

    // Invalidation stamps survive: a request in flight for this page must still land stale.
    const forgetPage = (pages: Map<number, readonly Asset[]>, page: number): void => {
      dropIds(pages.get(page), page);
      pages.delete(page);
      ticketOf.delete(page);
    };

    /** Keeps the cache bounded: drops pages beyond the end and those farthest from view. */
    const trim = (pages: Map<number, readonly Asset[]>, total: number): void => {
      const lastPage = pageOf(Math.max(total - 1, 0));
      for (const page of [...pages.keys()]) if (page > lastPage) forgetPage(pages, page);
      if (pages.size <= maxCachedPages) return;
      const centre = (wanted.first + wanted.last) / 2;
      const byDistance = [...pages.keys()].sort(
        (a, b) => Math.abs(b - centre) - Math.abs(a - centre),
      );
      for (const page of byDistance.slice(0, pages.size - maxCachedPages)) forgetPage(pages, page);
    };

    const fetchPage = (page: number): void => {
      const ticket = ++clock;
      const myEpoch = epoch;
      inflight.add(page);
      client.call('assets.list', listArgs(get().view, page * PAGE_SIZE, PAGE_SIZE)).then(
        (result) => {
          if (myEpoch !== epoch) return;
          inflight.delete(page);
          const pages = new Map(get().pages);
          if ((ticketOf.get(page) ?? 0) < ticket) {
            dropIds(pages.get(page), page);
            pages.set(page, result.items);
            ticketOf.set(page, ticket);
            result.items.forEach((asset, slot) => indexOfId.set(asset.id, page * PAGE_SIZE + slot));
          }
          trim(pages, result.total);
          set({ pages, total: result.total, error: null });
          pump();
        },
        (cause: unknown) => {
          if (myEpoch !== epoch) return;
          inflight.delete(page);
          // No automatic retry: a persistent failure would loop. The grid offers Retry.
          set({
            error: cause instanceof Error ? cause.message : String(cause),
            total: get().total ?? 0,
          });
          notices.getState().report('Could not load the media list', cause);
        },
      );
    };

    /** Requests every wanted page that is neither fresh nor already on its way. */
    const pump = (): void => {
      const { total, error } = get();
      if (error !== null) return;
      for (let page = wanted.first; page <= wanted.last; page++) {
        if (total !== null && page > 0 && page * PAGE_SIZE >= total) break;
        if (inflight.has(page) || isFresh(page)) continue;
        if (inflight.size >= maxInFlight) break;
        fetchPage(page);
      }
    };

    const pumpSoon = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, refetchDelayMs);
    };

    /** Everything shown may have moved: refetch what is on screen, forget the rest. */
    const invalidateView = (): void => {
      viewInvalidatedAt = ++clock;
      // Off-screen pages may now be shifted; rather than show them stale, forget them.
      const pages = new Map(get().pages);
      for (const page of [...pages.keys()]) {
        if (page < wanted.first || page > wanted.last) forgetPage(pages, page);
      }
      set({ pages });
      pumpSoon();
    };

    return {
      view: DEFAULT_VIEW,
      total: null,
      pages: new Map(),
      error: null,

      setView(change) {
        const view = nextView(get().view, change);
        if (sameView(view, get().view)) return;
        epoch += 1;
        ticketOf.clear();
        pageInvalidatedAt.clear();
        inflight.clear();
        indexOfId.clear();
        wanted = { first: 0, last: 0 };
        set({ view, total: null, pages: new Map(), error: null });
        pump();
      },

      ensureRange(first, last) {
        const from = pageOf(Math.max(first, 0));
        wanted = { first: from, last: Math.max(from, pageOf(Math.max(last, 0))) };
        pump();
      },

      invalidate(catalogId, only) {
        const { view } = get();
        if (catalogId !== null && view.catalogId !== null && catalogId !== view.catalogId) return;
        if (only === 'ai' && !viewDependsOnAi(view)) return;
        invalidateView();
      },

      applyIndexed(items) {
        const { pages, view } = get();
        const patched = new Map<number, Asset[]>();
        let stale = false;
        for (const item of items) {
          const index = indexOfId.get(item.id);
          if (index === undefined) {
            // Not on a cached page, but it may be on one in flight, read before this asset
            // was indexed: that reply must land stale and be fetched again.
            stale = staleInFlight() || stale;
            continue;
          }
          const page = pageOf(index);
          const slot = index % PAGE_SIZE;
          const current = patched.get(page) ?? pages.get(page);
          const asset = current?.[slot];
          if (current === undefined || asset === undefined || asset.id !== item.id) continue;
          const copy = patched.get(page) ?? [...current];
          copy[slot] = {
            ...asset,
            hash: item.hash,
            thumb: item.thumb,
            state: item.state,
            error: item.error,
          };
          patched.set(page, copy);
          // The event carries thumbnail and state; dimensions, metadata and placeholder of a
          // file just read (or of new content at its path) come with a refetch.
          if (asset.state === 'pending' || asset.hash !== item.hash) {
            pageInvalidatedAt.set(page, ++clock);
            stale = true;
          }
        }
        if (patched.size > 0) set({ pages: new Map([...pages, ...patched]) });
        // Rows may enter, leave or move in this view: patching in place is not enough.
        if (items.length > 0 && viewDependsOnIndexing(view)) invalidateView();
        else if (stale) pumpSoon();
      },

      applyPlaceholders(items) {
        const { pages } = get();
        const patched = new Map<number, Asset[]>();
        let stale = false;
        for (const item of items) {
          const index = indexOfId.get(item.id);
          if (index === undefined) {
            // A page in flight may have been read before this placeholder was set.
            stale = staleInFlight() || stale;
            continue;
          }
          const page = pageOf(index);
          const slot = index % PAGE_SIZE;
          const current = patched.get(page) ?? pages.get(page);
          const asset = current?.[slot];
          if (current === undefined || asset?.id !== item.id || asset.placeholder) continue;
          const copy = patched.get(page) ?? [...current];
          copy[slot] = { ...asset, placeholder: item.placeholder };
          patched.set(page, copy);
        }
        if (patched.size > 0) set({ pages: new Map([...pages, ...patched]) });
        if (stale) pumpSoon();
      },

      retry() {
        set({ error: null });
        pump();
      },
    };
  });
}
