import { stat } from 'node:fs/promises';
import type { CatalogRepo } from '../repositories/catalog-repo';
import { rereadMetadata, type RereadDeps } from './reread-metadata';
import { sidecarChanges } from './sidecar-changes';
import { ignoreRules } from './ignore-rules';
import { walkFolder, type WalkResult } from './walk-folder';

export interface ScanResult {
  /** Folders the walk went through (relative), for the watcher. */
  folders: string[];
  listed: number;
  queued: number[];
  missing: number;
  /** Assets whose metadata was re-read because a sidecar changed while the file did not. */
  reread: number;
  online: boolean;
  onlineChanged: boolean;
}

/** A catalog that could not be walked: nothing listed, nothing marked missing. */
function offline(onlineChanged: boolean): ScanResult {
  return {
    folders: [],
    listed: 0,
    queued: [],
    missing: 0,
    reread: 0,
    online: false,
    onlineChanged,
  };
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
 * changed are queued, so a restart over unchanged files reads and renders nothing; a
 * file whose XMP sidecar changed has its metadata re-read, nothing more. An unreachable
 * folder marks the catalog offline and leaves its assets as they were.
 */
export async function scanCatalog(
  catalogs: CatalogRepo,
  deps: RereadDeps,
  id: number,
): Promise<ScanResult | null> {
  const { files } = deps;
  const catalog = catalogs.get(id);
  if (!catalog) return null;
  if (!(await isReachable(catalog.path))) {
    return offline(catalogs.setOnline(id, false));
  }
  const onlineChanged = catalogs.setOnline(id, true);
  const walk = await walkFolder(catalog.path, ignoreRules(catalog.ignore));
  for (const problem of walk.problems) {
    console.warn(`packshot: ${catalog.path}/${problem.relPath}: ${problem.reason}`);
  }
  // The folder vanished during the walk: do not take that for every file deleted.
  if (!(await isReachable(catalog.path))) {
    catalogs.setOnline(id, false);
    return offline(true);
  }
  const result = files.reconcile(id, walk.files, true);
  const reread = await rereadChangedSidecars(deps, id, walk, new Set(result.queue));
  return {
    folders: walk.folders,
    listed: result.listed,
    queued: result.queue,
    missing: result.missing,
    reread,
    online: true,
    onlineChanged,
  };
}

/** Assets not queued for indexing whose sidecars differ from when they were read. */
async function rereadChangedSidecars(
  deps: RereadDeps,
  catalogId: number,
  walk: WalkResult,
  queued: Set<number>,
): Promise<number> {
  const changes = sidecarChanges(walk.sidecars, deps.sidecars.known(catalogId), walk.files);
  deps.sidecars.record(catalogId, changes.orphans, changes.orphansGone);
  let reread = 0;
  for (const owner of deps.files.atPaths(catalogId, changes.owners)) {
    // Queued or pending assets are read whole soon, sidecars included.
    if (queued.has(owner.id) || owner.state === 'pending') continue;
    if (await rereadMetadata(deps, owner.id)) reread++;
  }
  return reread;
}
