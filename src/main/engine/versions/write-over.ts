import { rename, rm, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { faultPoint } from '../faults/fault-points';
import { syncFolder, tempPathFor } from '../tools/files/durable-files';

/**
 * Writes bytes over a catalog file so that a crash at any moment leaves the old file or the
 * new one, whole: a temp file beside it (same folder, same volume), fsynced, then one rename,
 * then the folder fsynced. The old bytes are already fsynced in the version store: that is
 * the backup, kept until (and after) the rename lands.
 */
export async function writeOver(target: string, data: Uint8Array): Promise<void> {
  const temp = tempPathFor(target, [String(process.pid)]);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    faultPoint('versions.before-rename');
    await rename(temp, target);
    await syncFolder(dirname(target));
  } finally {
    await rm(temp, { force: true });
  }
}
