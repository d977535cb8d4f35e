// Builds the app's stores around one client. No module-level singletons: tests build
// their own set around a fake transport.
import type { Client } from '../client';
import { createAssetsStore, type AssetsStore, type AssetsStoreOptions } from './assets-store';
import { createCatalogsStore, type CatalogsStore } from './catalogs-store';
import { createCollectionsStore, type CollectionsStore } from './collections-store';
import { createFoldersStore, type FoldersStore } from './folders-store';
import { createJobsStore, type JobsStore } from './jobs-store';
import { createLoupeStore, type LoupeStore } from './loupe-store';
import { createNoticesStore, type NoticesStore } from './notices-store';
import {
  browserStorage,
  createPrefsStore,
  type PrefsStorage,
  type PrefsStore,
} from './prefs-store';
import { createPreviewsStore, type PreviewsStore } from './previews-store';
import { createSelectionStore, type SelectionStore } from './selection-store';

export interface Stores {
  notices: NoticesStore;
  catalogs: CatalogsStore;
  folders: FoldersStore;
  assets: AssetsStore;
  selection: SelectionStore;
  jobs: JobsStore;
  prefs: PrefsStore;
  loupe: LoupeStore;
  previews: PreviewsStore;
  collections: CollectionsStore;
}

export interface StoresOptions extends AssetsStoreOptions {
  /** Debounce of folder-tree reloads after events. */
  folderRefreshDelayMs?: number;
  /** Where preferences persist; default the page's localStorage, null for none. */
  storage?: PrefsStorage | null;
}

export function createStores(client: Client, options: StoresOptions = {}): Stores {
  const { folderRefreshDelayMs, storage, ...assetsOptions } = options;
  const notices = createNoticesStore();
  return {
    notices,
    catalogs: createCatalogsStore(client, notices),
    folders: createFoldersStore(client, notices, { refreshDelayMs: folderRefreshDelayMs }),
    assets: createAssetsStore(client, notices, assetsOptions),
    selection: createSelectionStore(),
    jobs: createJobsStore(client, notices),
    prefs: createPrefsStore(storage === undefined ? browserStorage() : storage),
    loupe: createLoupeStore(),
    previews: createPreviewsStore(client),
    collections: createCollectionsStore(client, notices),
  };
}
