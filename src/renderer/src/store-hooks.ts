// Component-side subscriptions: one hook per store, each taking a selector.
import { useStore } from 'zustand';
import { useServices } from './app-context';
import type { AiState } from './store/ai-store';
import type { AssetsState } from './store/assets-store';
import type { CatalogsState } from './store/catalogs-store';
import type { CompareState } from './store/compare-store';
import type { EditsState } from './store/edits-store';
import type { CollectionsState } from './store/collections-store';
import type { FoldersState } from './store/folders-store';
import type { ExportJobState } from './store/export-job-store';
import type { JobsState } from './store/jobs-store';
import type { JobListState } from './store/job-list-store';
import type { LoupeState } from './store/loupe-store';
import type { NavState } from './store/nav-store';
import type { NoticesState } from './store/notices-store';
import type { PackSelectionState } from './store/pack-selection-store';
import type { PreflightState } from './store/preflight-store';
import type { PresetsState } from './store/presets-store';
import type { PrefsState } from './store/prefs-store';
import type { PreviewsState } from './store/previews-store';
import type { RenditionsState } from './store/renditions-store';
import type { ProductsState } from './store/products-store';
import type { SelectionState } from './store/selection-store';
import type { TagsState } from './store/tags-store';

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

export function useJobList<T>(selector: (state: JobListState) => T): T {
  return useStore(useServices().stores.jobList, selector);
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

export function usePresets<T>(selector: (state: PresetsState) => T): T {
  return useStore(useServices().stores.presets, selector);
}

export function usePackSelection<T>(selector: (state: PackSelectionState) => T): T {
  return useStore(useServices().stores.packSelection, selector);
}

export function usePreflight<T>(selector: (state: PreflightState) => T): T {
  return useStore(useServices().stores.preflight, selector);
}

export function useExportJob<T>(selector: (state: ExportJobState) => T): T {
  return useStore(useServices().stores.exportJob, selector);
}

export function useRenditions<T>(selector: (state: RenditionsState) => T): T {
  return useStore(useServices().stores.renditions, selector);
}

export function useEdits<T>(selector: (state: EditsState) => T): T {
  return useStore(useServices().stores.edits, selector);
}

export function useTags<T>(selector: (state: TagsState) => T): T {
  return useStore(useServices().stores.tags, selector);
}

export function useCompare<T>(selector: (state: CompareState) => T): T {
  return useStore(useServices().stores.compare, selector);
}

export function useNav<T>(selector: (state: NavState) => T): T {
  return useStore(useServices().stores.nav, selector);
}

export function useProducts<T>(selector: (state: ProductsState) => T): T {
  return useStore(useServices().stores.products, selector);
}

export function useCollections<T>(selector: (state: CollectionsState) => T): T {
  return useStore(useServices().stores.collections, selector);
}

export function useAi<T>(selector: (state: AiState) => T): T {
  return useStore(useServices().stores.ai, selector);
}
