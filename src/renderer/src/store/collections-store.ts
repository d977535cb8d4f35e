// Saved searches and manual collections with their counts. Counts follow the assets, so
// the list reloads (coalesced, like the catalogs) whenever assets, tags or collections
// change; edits go through the engine, which makes each one an undo step.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Collection } from '../../../shared/collection-dto';
import type { Client } from '../client';
import { coalesce } from './coalesce';
import type { NoticesStore } from './notices-store';

export interface CollectionsState {
  collections: readonly Collection[];
  refresh(): Promise<void>;
  /** Saves a search (with a query) or creates an empty manual collection. Throws for the form. */
  save(name: string, query?: string): Promise<Collection>;
  remove(id: number): Promise<void>;
  addAssets(id: number, assetIds: readonly number[]): Promise<void>;
  removeAssets(id: number, assetIds: readonly number[]): Promise<void>;
  move(id: number, assetId: number, position: number): Promise<void>;
}

export type CollectionsStore = StoreApi<CollectionsState>;

export function createCollectionsStore(client: Client, notices: NoticesStore): CollectionsStore {
  return createStore<CollectionsState>()((set, get) => {
    const loadOnce = async (): Promise<void> => {
      try {
        set({ collections: await client.call('collections.list', {}) });
      } catch (cause) {
        notices.getState().report('Could not load the collections', cause);
      }
    };

    /** Runs an edit; a failure becomes a notice (the list reloads on the engine's events). */
    const edit = async (title: string, work: () => Promise<unknown>): Promise<void> => {
      try {
        await work();
      } catch (cause) {
        notices.getState().report(title, cause);
      }
    };

    return {
      collections: [],
      refresh: coalesce(loadOnce),
      async save(name, query) {
        const saved = await client.call('collections.save', {
          name,
          ...(query === undefined ? {} : { query }),
        });
        set((s) => ({
          collections: [...s.collections.filter((c) => c.id !== saved.id), saved],
        }));
        void get().refresh();
        return saved;
      },
      remove: (id) =>
        edit('Could not delete the collection', () => client.call('collections.delete', { id })),
      addAssets: (id, assetIds) =>
        edit('Could not add to the collection', () =>
          client.call('collections.add', { id, assetIds: [...assetIds] }),
        ),
      removeAssets: (id, assetIds) =>
        edit('Could not remove from the collection', () =>
          client.call('collections.remove', { id, assetIds: [...assetIds] }),
        ),
      move: (id, assetId, position) =>
        edit('Could not reorder the collection', () =>
          client.call('collections.move', { id, assetId, position }),
        ),
    };
  });
}
