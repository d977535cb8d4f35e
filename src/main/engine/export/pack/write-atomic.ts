// Files land whole or not at all: written under a temporary name in the same folder,
// fsync'd, then renamed over the target. `beforeRename` runs between (the journal records
// the file there, so a crash after the rename never leaves a landed file unrecorded).
// A write that fails (a full disk) removes its temporary file and names the target.
import { faultPoint, type FaultPoint } from '../../faults/fault-points';
import { stat } from 'node:fs/promises';
import { PackshotError } from '../../../../shared/errors';
import { writeDurably, writeNewFile } from '../../tools/files/durable-files';

/** Only names writeAtomic makes: `.<name>.<8 hex>.packshot-tmp`; a rerun removes those a crash left. */
const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.packshot-tmp$/;

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

export interface Landed {
  bytes: number;
  mtimeMs: number;
  ino: number;
}

export interface WriteAtomicOptions {
  /** Runs between the fsync and the rename (the journal records the file there). */
  beforeRename?: (landed: Landed) => Promise<void> | void;
  /** The caller's kill points, named for what it writes: after the temporary file is
   *  written and fsync'd, and after `beforeRename`. */
  points?: { written?: FaultPoint; beforeRename?: FaultPoint };
}

/** A seam for tests: makes the write of a matching target fail as a full disk would. */
export const writeFaults: { fail: ((target: string) => boolean) | null } = { fail: null };

export async function writeAtomic(
  target: string,
  data: Buffer | string,
  options: WriteAtomicOptions = {},
): Promise<Landed> {
  const out: { landed?: Landed } = {};
  try {
    await writeDurably(target, data, {
      write: async (temp) => {
        if (writeFaults.fail?.(target)) {
          await writeNewFile(temp, data.slice(0, Math.floor(data.length / 2)));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        }
        await writeNewFile(temp, data);
      },
      beforePlace: async (temp) => {
        if (options.points?.written) faultPoint(options.points.written);
        // rename keeps the inode and mtime: what the journal records is what lands.
        const s = await stat(temp, { bigint: false });
        out.landed = { bytes: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
        await options.beforeRename?.(out.landed);
        if (options.points?.beforeRename) faultPoint(options.points.beforeRename);
      },
      // run-export fsyncs each pack folder once at the end, not once per file.
      syncFolder: false,
    });
  } catch (error) {
    if (error instanceof PackshotError) throw error;
    throw new PackshotError('io', `could not write ${target}: ${messageOf(error)}`);
  }
  if (!out.landed) throw new PackshotError('io', `could not write ${target}`);
  return out.landed;
}

function messageOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC)';
  return error instanceof Error ? error.message : String(error);
}
