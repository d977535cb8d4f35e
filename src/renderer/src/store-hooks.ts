// Component-side subscriptions: one hook per store, each taking a selector.
import { useStore } from 'zustand';
import { useServices } from './app-context';
import type { AssetsState } from './store/assets-store';
import type { CatalogsState } from './store/catalogs-store';
import type { CollectionsState } from './store/collections-store';
import type { FoldersState } from './store/folders-store';
import type { JobsState } from './store/jobs-store';
import type { LoupeState } from './store/loupe-store';
import type { NoticesState } from './store/notices-store';
import type { PrefsState } from './store/prefs-store';
import type { PreviewsState } from './store/previews-store';
import type { SelectionState } from './store/selection-store';

export function useCatalogs<T>(selector: (state: CatalogsState) => T): T {
  return useStore(useServices().stores.catalogs, selector);
}

export function useFolders<T>(selector: (state: FoldersState) => T): T {
  return useStore(useServices().stores.folders, selector);
}

export function useAssets<T>(selector: (state: AssetsState) => T): T {
  return useStore(useServices().stores.assets, selector);
}

export function useSelection<T>(selector: (state: SelectionState) => T): T {
  return useStore(useServices().stores.selection, selector);
}

export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(useServices().stores.jobs, selector);
}

export function useNotices<T>(selector: (state: NoticesState) => T): T {
  return useStore(useServices().stores.notices, selector);
}

export function usePrefs<T>(selector: (state: PrefsState) => T): T {
  return useStore(useServices().stores.prefs, selector);
}

export function useLoupe<T>(selector: (state: LoupeState) => T): T {
  return useStore(useServices().stores.loupe, selector);
}

export function usePreviews<T>(selector: (state: PreviewsState) => T): T {
  return useStore(useServices().stores.previews, selector);
}

export function useCollections<T>(selector: (state: CollectionsState) => T): T {
  return useStore(useServices().stores.collections, selector);
}
