// Builds the app's stores around one client. No module-level singletons: tests build
// their own set around a fake transport.
import type { Client } from '../client';
import { createAssetsStore, type AssetsStore, type AssetsStoreOptions } from './assets-store';
import { createCatalogsStore, type CatalogsStore } from './catalogs-store';
import { createJobsStore, type JobsStore } from './jobs-store';
import { createNoticesStore, type NoticesStore } from './notices-store';
import { createSelectionStore, type SelectionStore } from './selection-store';

export interface Stores {
  notices: NoticesStore;
  catalogs: CatalogsStore;
  assets: AssetsStore;
  selection: SelectionStore;
  jobs: JobsStore;
}

export function createStores(client: Client, assetsOptions?: AssetsStoreOptions): Stores {
  const notices = createNoticesStore();
  return {
    notices,
    catalogs: createCatalogsStore(client, notices),
    assets: createAssetsStore(client, notices, assetsOptions),
    selection: createSelectionStore(),
    jobs: createJobsStore(client, notices),
  };
}
