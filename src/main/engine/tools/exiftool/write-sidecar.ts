// A sidecar lands whole or not at all: exiftool edits a copy under a temporary name in the
// same folder (the user's sidecar keeps everything Packshot does not write), the copy is
// fsync'd, then renamed over the sidecar. A crash leaves the old sidecar or the new one,
// and at most a temporary file that the next write into that folder removes.
import { copyFile, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { faultPoint } from '../../faults/fault-points';
import { syncFile, tempPathFor } from '../files/durable-files';
import { pidAlive } from '../files/process-alive';

// exiftool picks the format by extension, so the temporary name still ends in .xmp; the
// leading dot and the .xmp keep it out of the catalog (both are ignored by the walk). A
// write killed inside exiftool leaves exiftool's own temporary file beside that copy.
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.packshot-tmp\.xmp(?:_exiftool_tmp)?$/;

/** Whether a name is a temporary sidecar (or exiftool's file beside one) of this pid's kind. */
export function sidecarTempPid(name: string): number | null {
  const pid = TEMP.exec(name)?.[1];
  return pid === undefined ? null : Number(pid);
}

export class SidecarWriter {
  /** Folders whose leftovers this process has removed (once each: a readdir per folder). */
  private readonly swept = new Set<string>();

  async write(exiftool: ExifTool, sidecar: string, tags: Record<string, unknown>): Promise<void> {
    await this.sweep(dirname(sidecar));
    const temp = tempPathFor(sidecar, [String(process.pid)], '.xmp');
    try {
      // A new sidecar is made by exiftool from nothing; an existing one is edited as a copy.
      await copyFile(sidecar, temp).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await exiftool.write(temp, tags, { writeArgs: ['-overwrite_original'] });
      faultPoint('xmp.sidecar-temp-written');
      await syncFile(temp);
      faultPoint('xmp.sidecar-before-rename');
      await rename(temp, sidecar);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Removes temporary sidecars a dead process left in this folder. */
  private async sweep(folder: string): Promise<void> {
    if (this.swept.has(folder)) return;
    this.swept.add(folder);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const pid = sidecarTempPid(name);
      if (pid !== null && !pidAlive(pid)) await rm(join(folder, name), { force: true });
    }
  }
}
