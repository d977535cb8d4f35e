import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetRepo, FileSeen } from '../catalog/asset-repo';
import { forgetSidecars } from '../metadata/find-sidecars';
import { kindOf } from '../scan/file-kinds';
import type { ChangeBatch } from './catalog-watcher';

export interface Applied {
  listed: number;
  missing: number;
  queue: number[];
}

/** Applies one batch of watcher events to the index. The catalog folder is known to exist. */
export async function applyChanges(
  assets: AssetRepo,
  catalogId: number,
  root: string,
  batch: ChangeBatch,
): Promise<Applied> {
  const seen: FileSeen[] = [];
  const gone = new Set(batch.removals);
  for (const rel of new Set(batch.upserts)) {
    try {
      const info = await stat(join(root, ...rel.split('/')));
      if (!info.isFile()) continue;
      gone.delete(rel);
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      seen.push({
        relPath: rel,
        name,
        bytes: info.size,
        mtimeMs: Math.trunc(info.mtimeMs),
        kind: kindOf(name),
      });
    } catch {
      gone.add(rel); // added and removed again before we looked
    }
  }
  // A removal followed by an add at the same path (an editor's safe save) is a change.
  for (const file of seen) gone.delete(file.relPath);
  const { listed, queue } = assets.reconcile(catalogId, seen, false);
  let missing = assets.markMissing(catalogId, [...gone]);
  for (const folder of new Set(batch.removedFolders)) {
    if (folder !== '') missing += assets.markFolderMissing(catalogId, folder);
  }
  const owners = new Set<number>();
  for (const sidecar of new Set(batch.sidecars)) {
    forgetSidecars(root, sidecar);
    for (const id of assets.sidecarOwners(catalogId, sidecar)) owners.add(id);
  }
  return { listed, missing, queue: [...queue, ...owners] };
}
