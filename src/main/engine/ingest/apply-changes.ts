import type { AssetFileRepo, FileSeen } from '../repositories/asset-file-repo';
import { forgetSidecars } from '../tools/metadata/find-sidecars';
import { kindOf } from './file-kinds';
import type { ChangeBatch } from './catalog-watcher';

export interface Applied {
  listed: number;
  missing: number;
  queue: number[];
}

/**
 * Applies one batch of watcher events to the index, in one transaction per kind of change.
 * The batch carries each file's size, mtime and inode as the watcher saw them: nothing is
 * stat'ed again here. The catalog folder is known to exist.
 */
export function applyChanges(
  assets: AssetFileRepo,
  catalogId: number,
  root: string,
  batch: ChangeBatch,
): Applied {
  const seen: FileSeen[] = batch.upserts.map((file) => {
    const name = file.relPath.slice(file.relPath.lastIndexOf('/') + 1);
    return { ...file, name, kind: kindOf(name) };
  });
  const { listed, queue } = assets.reconcile(catalogId, seen, false);
  let missing = assets.markMissing(catalogId, batch.removals);
  for (const folder of batch.removedFolders) {
    if (folder !== '') missing += assets.markFolderMissing(catalogId, folder);
  }
  const owners = new Set<number>();
  for (const sidecar of batch.sidecars) {
    forgetSidecars(root, sidecar);
    for (const id of assets.sidecarOwners(catalogId, sidecar)) owners.add(id);
  }
  return { listed, missing, queue: [...queue, ...owners] };
}
