// The catalog folders and their counts. Reloads are coalesced: while one is in flight,
// further requests fold into a single follow-up (counts change often during a scan).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Catalog } from '../../../shared/dto';
import type { Client } from '../client';
import { coalesce } from './coalesce';
import type { NoticesStore } from './notices-store';

export type CatalogsStatus = 'loading' | 'ready' | 'error';

export interface CatalogsState {
  catalogs: readonly Catalog[];
  status: CatalogsStatus;
  /** Why the last load failed (status 'error'). */
  error: string | null;
  refresh(): Promise<void>;
  /** Adds the folder and starts its scan. Throws PackshotError for the form to show. */
  add(path: string): Promise<Catalog>;
}

export type CatalogsStore = StoreApi<CatalogsState>;

export function createCatalogsStore(client: Client, notices: NoticesStore): CatalogsStore {
  return createStore<CatalogsState>()((set, get) => {
    const loadOnce = async (): Promise<void> => {
      try {
        const catalogs = await client.call('catalogs.list', {});
        set({ catalogs, status: 'ready', error: null });
      } catch (cause) {
        // Keep showing the last good list; the first failure leaves an error screen.
        set((s) => ({ status: s.status === 'ready' ? 'ready' : 'error', error: messageOf(cause) }));
        notices.getState().report('Could not load the catalogs', cause);
      }
    };

    // Events come in bursts: loads run one at a time, a burst folds into one follow-up.
    const refresh = coalesce(loadOnce);

    return {
      catalogs: [],
      status: 'loading',
      error: null,
      refresh,
      async add(path) {
        const catalog = await client.call('catalogs.add', { path: path.trim() });
        // Show the new folder at once, before the list reload lands.
        set((s) => ({
          catalogs: s.catalogs.some((c) => c.id === catalog.id)
            ? s.catalogs
            : [...s.catalogs, catalog],
          status: 'ready',
        }));
        // The engine starts the first scan itself; its events refresh the grid.
        void get().refresh();
        return catalog;
      },
    };
  });
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
