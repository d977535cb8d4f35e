// Component-side subscriptions: one hook per store, each taking a selector.
import { useStore } from 'zustand';
import { useServices } from './app-context';
import type { AssetsState } from './store/assets-store';
import type { CatalogsState } from './store/catalogs-store';
import type { JobsState } from './store/jobs-store';
import type { NoticesState } from './store/notices-store';
import type { SelectionState } from './store/selection-store';

export function useCatalogs<T>(selector: (state: CatalogsState) => T): T {
  return useStore(useServices().stores.catalogs, selector);
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
