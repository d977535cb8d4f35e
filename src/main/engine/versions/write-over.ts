import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { faultPoint } from '../faults/fault-points';
import { writeDurably } from '../tools/files/durable-files';
import { pidAlive } from '../tools/files/process-alive';

/** `.<name>.replace.<pid>.<8 hex>.packshot-tmp`: a dot file, passed over by the walk. */
const TEMP = /^\..+\.replace\.(\d+)\.[0-9a-f]{8}\.packshot-tmp$/;

/**
 * Writes bytes over a catalog file so that a crash at any moment leaves the old file or the
 * new one, whole: a temp file beside it (same folder, same volume), fsynced, then one rename,
 * then the folder fsynced. The old bytes are already fsynced in the version store: that is
 * the backup, kept until (and after) the rename lands. A temp file a killed process left is
 * removed by the next write into that folder.
 */
export async function writeOver(target: string, data: Uint8Array): Promise<void> {
  await sweep(dirname(target));
  await writeDurably(target, data, {
    tags: ['replace', String(process.pid)],
    beforePlace: () => faultPoint('versions.before-rename'),
  });
}

async function sweep(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (pid > 0 && !pidAlive(pid)) await rm(join(folder, name), { force: true });
  }
}
