// The products: the searched list, the product being looked at (with its links) and the
// link edits made on its board. Everything reloads on 'products.changed' and after each
// edit made here; failures go to the notices, except create/update, which the form shows.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MethodArgs } from '../../../shared/contract';
import type { EditResult } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { MediaRole, Product, ProductDetail } from '../../../shared/product-dto';
import type { Client } from '../client';
import { coalesce } from './coalesce';
import type { NoticesStore } from './notices-store';

/** The list shows this many matches; beyond, the search narrows it. */
export const PRODUCT_LIST_LIMIT = 1000;

/** Narrows the list to some products, e.g. those a readiness blocker holds back. */
export interface ProductFocus {
  label: string;
  ids: ReadonlySet<number>;
}

/** OS files dropped on a product, waiting for the user to say which catalog folder takes them. */
export interface PendingFiles {
  productId: number;
  role: MediaRole;
  paths: string[];
}

export interface ProductsState {
  query: string;
  items: readonly Product[];
  /** Matches of the query (the list may hold fewer); null before the first answer. */
  total: number | null;
  error: string | null;
  focus: ProductFocus | null;
  selectedId: number | null;
  /** The selected product with its links; null while none is selected or loaded. */
  detail: ProductDetail | null;
  /** As the last edit made here left the history. */
  canUndo: boolean;
  canRedo: boolean;
  pendingFiles: PendingFiles | null;

  setQuery(query: string): void;
  setFocus(focus: ProductFocus | null): void;
  select(id: number | null): void;
  refresh(): Promise<void>;
  /** Throws PackshotError for the form to show. */
  create(args: MethodArgs<'products.create'>): Promise<Product>;
  /** Throws PackshotError for the form to show. */
  update(args: MethodArgs<'products.update'>): Promise<Product>;
  remove(id: number): Promise<void>;
  addLinks(
    productId: number,
    assetIds: number[],
    role: MediaRole,
    position?: number,
  ): Promise<void>;
  moveLink(productId: number, assetId: number, role: MediaRole, position: number): Promise<void>;
  setMain(productId: number, assetId: number): Promise<void>;
  removeLink(productId: number, assetId: number): Promise<void>;
  offerFiles(pending: PendingFiles): void;
  closeFiles(): void;
  /** Copies the pending files into a catalog folder and links them. */
  dropFiles(catalogId: number, folder: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export type ProductsStore = StoreApi<ProductsState>;

export interface ProductsStoreOptions {
  /** Typing in the search waits this long before asking. */
  queryDelayMs?: number;
}

export function createProductsStore(
  client: Client,
  notices: NoticesStore,
  options: ProductsStoreOptions = {},
): ProductsStore {
  const queryDelayMs = options.queryDelayMs ?? 150;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Replies to older list or detail requests are dropped. */
  let listTicket = 0;
  let detailTicket = 0;

  return createStore<ProductsState>()((set, get) => {
    const loadList = async (): Promise<void> => {
      const ticket = ++listTicket;
      const query = get().query.trim();
      try {
        const page = await client.call('products.list', {
          ...(query !== '' ? { query } : {}),
          limit: PRODUCT_LIST_LIMIT,
        });
        if (ticket === listTicket) set({ items: page.items, total: page.total, error: null });
      } catch (cause) {
        if (ticket !== listTicket) return;
        set({ error: messageOf(cause) });
        // A query that does not parse is shown under the search box, not as a notice.
        if (cause instanceof PackshotError && cause.code === 'invalid_argument') return;
        notices.getState().report('Could not load the products', cause);
      }
    };

    const loadDetail = async (): Promise<void> => {
      const ticket = ++detailTicket;
      const id = get().selectedId;
      if (id === null) return set({ detail: null });
      try {
        const detail = await client.call('products.get', { id });
        if (ticket === detailTicket && get().selectedId === id) set({ detail });
      } catch (cause) {
        if (ticket !== detailTicket) return;
        // Deleted meanwhile (here or elsewhere): nothing left to show.
        if (cause instanceof PackshotError && cause.code === 'not_found') {
          set({ selectedId: null, detail: null });
          return;
        }
        notices.getState().report('Could not load the product', cause);
      }
    };

    const refresh = coalesce(async () => {
      await Promise.all([loadList(), loadDetail()]);
    });

    /** Runs one link edit, keeps its undo state and shows the result. */
    const edit = async (title: string, run: () => Promise<EditResult>): Promise<void> => {
      try {
        const result = await run();
        set({ canUndo: result.canUndo, canRedo: result.canRedo });
      } catch (cause) {
        notices.getState().report(title, cause);
      }
      await refresh();
    };

    return {
      query: '',
      items: [],
      total: null,
      error: null,
      focus: null,
      selectedId: null,
      detail: null,
      canUndo: false,
      canRedo: false,
      pendingFiles: null,

      setQuery(query) {
        set({ query });
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          void loadList();
        }, queryDelayMs);
      },
      setFocus: (focus) => set({ focus }),
      select(id) {
        if (id === get().selectedId) return;
        set({ selectedId: id, detail: null });
        void loadDetail();
      },
      refresh,
      async create(args) {
        const product = await client.call('products.create', args);
        set({ selectedId: product.id, detail: null });
        await refresh();
        return product;
      },
      async update(args) {
        const product = await client.call('products.update', args);
        await refresh();
        return product;
      },
      async remove(id) {
        try {
          await client.call('products.delete', { id });
          if (get().selectedId === id) set({ selectedId: null, detail: null });
        } catch (cause) {
          notices.getState().report('Could not delete the product', cause);
        }
        await refresh();
      },
      addLinks: (productId, assetIds, role, position) =>
        edit('Could not link the media', () =>
          client.call('links.add', {
            productId,
            assetIds,
            role,
            ...(position !== undefined ? { position } : {}),
          }),
        ),
      moveLink: (productId, assetId, role, position) =>
        edit('Could not move the media', () =>
          client.call('links.move', { productId, assetId, role, position }),
        ),
      setMain: (productId, assetId) =>
        edit('Could not set the main image', () =>
          client.call('links.setMain', { productId, assetId }),
        ),
      removeLink: (productId, assetId) =>
        edit('Could not remove the link', () =>
          client.call('links.remove', { productId, assetIds: [assetId] }),
        ),
      offerFiles: (pendingFiles) => set({ pendingFiles }),
      closeFiles: () => set({ pendingFiles: null }),
      async dropFiles(catalogId, folder) {
        const pending = get().pendingFiles;
        if (pending === null) return;
        set({ pendingFiles: null });
        await edit('Could not add the dropped files', async () => {
          const result = await client.call('links.dropFiles', { ...pending, catalogId, folder });
          // Files that could not be copied are said one by one; the rest went in.
          for (const problem of result.errors) {
            notices.getState().report(`Could not add ${problem.path}`, new Error(problem.reason));
          }
          return result;
        });
      },
      undo: () => edit('Could not undo', () => client.call('edits.undo', {})),
      redo: () => edit('Could not redo', () => client.call('edits.redo', {})),
    };
  });
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
