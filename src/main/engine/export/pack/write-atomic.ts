// Files land whole or not at all: written under a temporary name in the same folder,
// fsync'd, then renamed over the target. `beforeRename` runs between (the journal records
// the file there, so a crash after the rename never leaves a landed file unrecorded).
// A write that fails (a full disk) removes its temporary file and names the target.
import { faultPoint } from '../../faults/fault-points';
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PackshotError } from '../../../../shared/errors';

/** Temporary files are dot files ending in this; a rerun removes those a crash left. */
export const TEMP_SUFFIX = '.packshot-tmp';
/** Only names writeAtomic makes: `.<name>.<8 hex>.packshot-tmp`. */
const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.packshot-tmp$/;

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

export interface Landed {
  bytes: number;
  mtimeMs: number;
  ino: number;
}

/** A seam for tests: makes the write of a matching target fail as a full disk would. */
export const writeFaults: { fail: ((target: string) => boolean) | null } = { fail: null };

export async function writeAtomic(
  target: string,
  data: Buffer | string,
  beforeRename?: (landed: Landed) => Promise<void> | void,
): Promise<Landed> {
  const temp = join(
    dirname(target),
    `.${basename(target).slice(0, 100)}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      if (writeFaults.fail?.(target)) {
        await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      }
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    faultPoint('export.after-temp-write');
    // rename keeps the inode and mtime: what the journal records is what lands.
    const s = await stat(temp, { bigint: false });
    const landed = { bytes: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    await beforeRename?.(landed);
    faultPoint('export.before-rename');
    await rename(temp, target);
    return landed;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof PackshotError) throw error;
    throw new PackshotError('io', `could not write ${target}: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC)';
  return error instanceof Error ? error.message : String(error);
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
