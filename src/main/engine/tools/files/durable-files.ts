// What writes that must survive a crash share: a temporary name beside the target that only
// Packshot makes (a dot file, so the catalog walk and the user's eye pass over it), and
// fsync of a file and of the folder that a rename changed.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files end in this (before any extension a tool needs). */
export const TEMP_SUFFIX = '.packshot-tmp';

/**
 * `.<name>.<tags…>.<8 hex>.packshot-tmp<extension>` in the target's folder: the name cut to
 * 100 characters, then what the caller's sweep reads back (a pid), then a random part.
 */
export function tempPathFor(target: string, tags: readonly string[] = [], extension = ''): string {
  const parts = [basename(target).slice(0, 100), ...tags, randomBytes(4).toString('hex')];
  return join(dirname(target), `.${parts.join('.')}${TEMP_SUFFIX}${extension}`);
}

/** The file's bytes on disk before the caller goes on (r+: Windows flushes only writable handles). */
export async function syncFile(path: string): Promise<void> {
  await fsync(path, 'r+');
}

/** Makes a folder's entries (a rename) durable; ignored where folders cannot be opened. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot fsync a directory; its renames are durable by other means.
  await fsync(folder, 'r').catch(() => undefined);
}

async function fsync(path: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a new file (never over one: 'wx') and fsyncs it before it returns. */
export async function writeNewFile(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface DurableWriteOptions {
  /** Tags in the temporary name (what a sweep reads back, e.g. a pid). */
  tags?: readonly string[];
  /** Writes the temporary file; default: writeNewFile with the data. */
  write?: (temp: string) => Promise<void>;
  /** Runs after the temporary file is whole and fsync'd, before it is placed. */
  beforePlace?: (temp: string) => Promise<void> | void;
  /** Moves the temporary file to the target; default: rename (over any file there). */
  place?: (temp: string, target: string) => Promise<void>;
  /** fsync the folder after the move (default true). */
  syncFolder?: boolean;
}

/**
 * The one durable write: a temporary file beside the target (same volume), written whole
 * and fsync'd, placed by one rename, the folder fsync'd; the temporary file never outlives
 * the call (a crash leaves it to the caller's sweep). A crash at any moment leaves the old
 * file or the new one, whole.
 */
export async function writeDurably(
  target: string,
  data: Uint8Array | string,
  options: DurableWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(target, options.tags ?? []);
  try {
    await (options.write ? options.write(temp) : writeNewFile(temp, data));
    await options.beforePlace?.(temp);
    await (options.place ?? rename)(temp, target);
    if (options.syncFolder !== false) await syncFolder(dirname(target));
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
