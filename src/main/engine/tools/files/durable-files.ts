// What writes that must survive a crash share: a temporary name beside the target that only
// Packshot makes (a dot file, so the catalog walk and the user's eye pass over it), and
// fsync of a file and of the folder that a rename changed.
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
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
