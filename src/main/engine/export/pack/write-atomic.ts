// Files land whole or not at all: written under a temporary name in the same folder,
// fsync'd, then renamed over the target. `beforeRename` runs between (the journal records
// the file there, so a crash after the rename never leaves a landed file unrecorded).
import { faultPoint } from '../../faults/fault-points';
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files are dot files ending in this; a rerun removes those a crash left. */
export const TEMP_SUFFIX = '.packshot-tmp';

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

export interface Landed {
  bytes: number;
  mtimeMs: number;
  ino: number;
}

export async function writeAtomic(
  target: string,
  data: Buffer | string,
  beforeRename?: (landed: Landed) => Promise<void> | void,
): Promise<Landed> {
  const temp = join(
    dirname(target),
    `.${basename(target).slice(0, 100)}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  faultPoint('export.after-temp-write');
  try {
    // rename keeps the inode and mtime: what the journal records is what lands.
    const s = await stat(temp, { bigint: false });
    const landed = { bytes: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    await beforeRename?.(landed);
    faultPoint('export.before-rename');
    await rename(temp, target);
    return landed;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Makes a folder's entries (a rename) durable; ignored where folders cannot be opened. */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a directory; its renames are durable by other means.
  }
}
