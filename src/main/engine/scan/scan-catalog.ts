import { stat } from 'node:fs/promises';
import type { AssetRepo } from '../catalog/asset-repo';
import type { CatalogRepo } from '../catalog/catalog-repo';
import { ignoreRules } from './ignore-rules';
import { walkFolder } from './walk-folder';

export interface ScanResult {
  /** Folders the walk went through (relative), for the watcher. */
  folders: string[];
  listed: number;
  queued: number[];
  missing: number;
  online: boolean;
  onlineChanged: boolean;
}

/** Whether a catalog's folder can be reached now (an unplugged drive cannot). */
export async function isReachable(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Walks a catalog and reconciles the index with it: only files whose size or mtime
 * changed are queued, so a restart over unchanged files reads and renders nothing. An
 * unreachable folder marks the catalog offline and leaves its assets as they were.
 */
export async function scanCatalog(
  catalogs: CatalogRepo,
  assets: AssetRepo,
  id: number,
): Promise<ScanResult | null> {
  const catalog = catalogs.get(id);
  if (!catalog) return null;
  if (!(await isReachable(catalog.path))) {
    const changed = catalogs.setOnline(id, false);
    return {
      folders: [],
      listed: 0,
      queued: [],
      missing: 0,
      online: false,
      onlineChanged: changed,
    };
  }
  const onlineChanged = catalogs.setOnline(id, true);
  const walk = await walkFolder(catalog.path, ignoreRules(catalog.ignore));
  for (const problem of walk.problems) {
    console.warn(`packshot: ${catalog.path}/${problem.relPath}: ${problem.reason}`);
  }
  // The folder vanished during the walk: do not take that for every file deleted.
  if (!(await isReachable(catalog.path))) {
    catalogs.setOnline(id, false);
    return { folders: [], listed: 0, queued: [], missing: 0, online: false, onlineChanged: true };
  }
  const result = assets.reconcile(id, walk.files, true);
  return {
    folders: walk.folders,
    listed: result.listed,
    queued: result.queue,
    missing: result.missing,
    online: true,
    onlineChanged,
  };
}
