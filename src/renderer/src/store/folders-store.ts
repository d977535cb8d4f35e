// The folders of every catalog with their counts, for the sidebar tree, and which of them
// are open. Reloads are coalesced like the catalog list's, and event-driven ones are
// debounced: during a scan, counts change with every batch of files.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FolderNode } from '../../../shared/dto';
import type { Client } from '../client';
import { coalesce } from './coalesce';
import { ancestorsOf, folderKey } from './folder-tree';
import type { NoticesStore } from './notices-store';

export interface FoldersState {
  folders: readonly FolderNode[];
  /** Keys (folderKey) of open folders. A catalog's root is open until the user closes it. */
  expanded: ReadonlySet<string>;
  refresh(): Promise<void>;
  /** Refresh after the burst of events settles. */
  refreshSoon(): void;
  toggle(catalogId: number, path: string): void;
  /** Opens the folders above `path`, so that it shows. */
  reveal(catalogId: number, path: string): void;
}

export type FoldersStore = StoreApi<FoldersState>;

export interface FoldersStoreOptions {
  refreshDelayMs?: number;
}

export function createFoldersStore(
  client: Client,
  notices: NoticesStore,
  options: FoldersStoreOptions = {},
): FoldersStore {
  const refreshDelayMs = options.refreshDelayMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Catalogs whose root has been opened once by default; the user may close it after. */
  const seen = new Set<number>();

  return createStore<FoldersState>()((set, get) => {
    const loadOnce = async (): Promise<void> => {
      try {
        const folders = await client.call('folders.list', {});
        const fresh = [...new Set(folders.map((f) => f.catalogId))].filter((id) => !seen.has(id));
        for (const id of fresh) seen.add(id);
        const expanded =
          fresh.length === 0
            ? get().expanded
            : new Set([...get().expanded, ...fresh.map((id) => folderKey(id, ''))]);
        set({ folders, expanded });
      } catch (cause) {
        notices.getState().report('Could not load the folders', cause);
      }
    };

    // Events come in bursts: loads run one at a time, a burst folds into one follow-up.
    const refresh = coalesce(loadOnce);

    return {
      folders: [],
      expanded: new Set(),
      refresh,
      refreshSoon() {
        if (timer !== null) return;
        timer = setTimeout(() => {
          timer = null;
          void refresh();
        }, refreshDelayMs);
      },
      toggle(catalogId, path) {
        const key = folderKey(catalogId, path);
        const expanded = new Set(get().expanded);
        if (!expanded.delete(key)) expanded.add(key);
        set({ expanded });
      },
      reveal(catalogId, path) {
        const keys = ['', ...ancestorsOf(path)].map((p) => folderKey(catalogId, p));
        if (keys.every((k) => get().expanded.has(k))) return;
        set({ expanded: new Set([...get().expanded, ...keys]) });
      },
    };
  });
}
