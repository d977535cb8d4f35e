// Builds the app's stores around one client. No module-level singletons: tests build
// their own set around a fake transport.
import type { Client } from '../client';
import { createAiStore, type AiStore } from './ai-store';
import { createAssetsStore, type AssetsStore, type AssetsStoreOptions } from './assets-store';
import { createCatalogsStore, type CatalogsStore } from './catalogs-store';
import { createCompareStore, type CompareStore } from './compare-store';
import { createEditsStore, type EditsStore } from './edits-store';
import { createCollectionsStore, type CollectionsStore } from './collections-store';
import { createFoldersStore, type FoldersStore } from './folders-store';
import { createExportJobStore, type ExportJobStore } from './export-job-store';
import { createJobsStore, type JobsStore } from './jobs-store';
import { createJobListStore, type JobListStore } from './job-list-store';
import { createLoupeStore, type LoupeStore } from './loupe-store';
import { createNavStore, type NavStore } from './nav-store';
import { createNoticesStore, type NoticesStore } from './notices-store';
import { createPackSelectionStore, type PackSelectionStore } from './pack-selection-store';
import { createPreflightStore, type PreflightStore } from './preflight-store';
import { createPresetsStore, type PresetsStore } from './presets-store';
import {
  browserStorage,
  createPrefsStore,
  type PrefsStorage,
  type PrefsStore,
} from './prefs-store';
import { createPreviewsStore, type PreviewsStore } from './previews-store';
import { createRenditionsStore, type RenditionsStore } from './renditions-store';
import { createProductsStore, type ProductsStore } from './products-store';
import { createSelectionStore, type SelectionStore } from './selection-store';
import { createTagsStore, type TagsStore } from './tags-store';

export interface Stores {
  notices: NoticesStore;
  catalogs: CatalogsStore;
  folders: FoldersStore;
  assets: AssetsStore;
  selection: SelectionStore;
  jobs: JobsStore;
  /** Durable jobs (exports, XMP writes, indexing runs…) for the Jobs panel. */
  jobList: JobListStore;
  prefs: PrefsStore;
  loupe: LoupeStore;
  previews: PreviewsStore;
  // Channel packs (issue 6).
  presets: PresetsStore;
  packSelection: PackSelectionStore;
  preflight: PreflightStore;
  exportJob: ExportJobStore;
  renditions: RenditionsStore;
  edits: EditsStore;
  tags: TagsStore;
  compare: CompareStore;
  nav: NavStore;
  products: ProductsStore;
  collections: CollectionsStore;
  /** The offline AI's status and when its results moved (issue 16). */
  ai: AiStore;
}

export interface StoresOptions extends AssetsStoreOptions {
  /** Debounce of folder-tree reloads after events. */
  folderRefreshDelayMs?: number;
  /** Where preferences persist; default the page's localStorage, null for none. */
  storage?: PrefsStorage | null;
  /** Debounce of the product search. */
  productQueryDelayMs?: number;
  /** Quiet spell after the AI job's events before AI views read again. */
  aiRefreshDelayMs?: number;
}

export function createStores(client: Client, options: StoresOptions = {}): Stores {
  const { folderRefreshDelayMs, storage, productQueryDelayMs, aiRefreshDelayMs, ...assetsOptions } =
    options;
  const notices = createNoticesStore();
  return {
    notices,
    catalogs: createCatalogsStore(client, notices),
    folders: createFoldersStore(client, notices, { refreshDelayMs: folderRefreshDelayMs }),
    assets: createAssetsStore(client, notices, assetsOptions),
    selection: createSelectionStore(),
    jobs: createJobsStore(client, notices),
    jobList: createJobListStore(client, notices),
    prefs: createPrefsStore(storage === undefined ? browserStorage() : storage),
    loupe: createLoupeStore(),
    previews: createPreviewsStore(client),
    presets: createPresetsStore(client, notices),
    packSelection: createPackSelectionStore(),
    preflight: createPreflightStore(client),
    exportJob: createExportJobStore(client),
    renditions: createRenditionsStore(client, notices),
    edits: createEditsStore(client, notices),
    tags: createTagsStore(client, notices),
    compare: createCompareStore(),
    nav: createNavStore(),
    products: createProductsStore(client, notices, { queryDelayMs: productQueryDelayMs }),
    collections: createCollectionsStore(client, notices),
    ai: createAiStore(client, notices, { refreshDelayMs: aiRefreshDelayMs }),
  };
}
