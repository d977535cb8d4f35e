// What is on disk at a pack's target: a file as the journal recorded it, one in the way
// (the user's, or one changed since), one with exactly the bytes a render makes; and a
// planned file's error line.
import { lstat, readFile } from 'node:fs/promises';
import type { ExportError } from '../../../../shared/export-dto';
import type { PackEntry, PackState } from './manifest';
import type { PackPaths } from './pack-paths';
import type { PlannedFile } from './plan-pack';

/**
 * A file at the target that Packshot did not write (the user's own), or one of Packshot's
 * that was changed since: never overwritten.
 */
export async function inTheWay(paths: PackPaths, state: PackState, file: string): Promise<boolean> {
  const exists = await lstat(paths.resolve(file)).then(
    () => true,
    () => false,
  );
  if (!exists) return false;
  for (const e of [state.entries.get(file), ...(state.superseded.get(file) ?? [])])
    if (e && (await landedAsRecorded(paths, e))) return false;
  return true;
}

export async function sameBytes(path: string, data: Buffer): Promise<boolean> {
  const s = await lstat(path).catch(() => null);
  if (!s?.isFile() || s.size !== data.length) return false;
  return (await readFile(path)).equals(data);
}

/**
 * For each planned file, whether the journal records it with the same render key and it is
 * still as it landed. The lstats go out together, 64 at a time: one after another they were
 * most of a re-export with nothing to do.
 */
export async function landedAsPlanned(
  paths: PackPaths,
  state: PackState,
  files: readonly { path: string; renderKey: string | null }[],
): Promise<boolean[]> {
  const out = new Array<boolean>(files.length).fill(false);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const f = files[i];
      const e = f && state.entries.get(f.path);
      if (e && e.renderKey === f.renderKey) out[i] = await landedAsRecorded(paths, e);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return out;
}

/** The file is still the one this pack wrote: same size and modification time. */
export async function landedAsRecorded(paths: PackPaths, e: PackEntry): Promise<boolean> {
  try {
    const s = await lstat(paths.resolve(e.file));
    return s.isFile() && s.size === e.bytes && s.mtimeMs === e.mtimeMs;
  } catch {
    return false;
  }
}

export function errorOf(f: PlannedFile, reason: string): ExportError {
  return {
    sku: f.product.sku,
    presetId: f.preset.id,
    assetId: f.image.assetId,
    file: f.path,
    reason,
  };
}
