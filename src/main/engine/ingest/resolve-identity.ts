import { access } from 'node:fs/promises';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import type { IndexWriteRepo } from '../repositories/index-write-repo';
import { closestVanished } from './closest-vanished';

export interface Identity {
  /** The asset this file is: its own row, or the older asset it moved from. */
  id: number;
  moved: boolean;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Identity is content, not path. A file seen for the first time whose content belongs to
 * an asset whose file is gone is that asset, moved or renamed: it keeps its id and all
 * attached to it. When several vanished assets share that content (identical copies),
 * the file is the one it is most likely to be (`closestVanished`). Content that another
 * present file has is a copy. New content at a known path is a new version of the same
 * asset (recorded by the caller).
 */
export async function resolveIdentity(
  files: AssetFileRepo,
  writes: IndexWriteRepo,
  file: Located,
  hash: string,
): Promise<Identity> {
  if (file.hash === hash) return { id: file.id, moved: false };
  let others = files.withHash(hash, file.id);
  if (file.hash === null) {
    const vanished: Located[] = [];
    for (const other of others)
      if (other.state === 'missing' || !(await exists(other.path))) vanished.push(other);
    const own =
      vanished.length === 0
        ? undefined
        : closestVanished(file, vanished, files.newFilesOfSize(file.bytes, file.id));
    // Checked again inside the write: another process may have moved it first.
    if (own && writes.transplant(file.id, own, hash)) return { id: own.id, moved: true };
    // It did: what holds this content is read again (the moved asset is present now).
    if (own) others = files.withHash(hash, file.id);
  }
  const original = others.find((o) => o.state !== 'missing');
  writes.setDuplicateOf(file.id, original ? original.id : null);
  return { id: file.id, moved: false };
}
