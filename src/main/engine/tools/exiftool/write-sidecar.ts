// A sidecar lands whole or not at all: exiftool edits a copy under a temporary name in the
// same folder (the user's sidecar keeps everything Packshot does not write), the copy is
// fsync'd, then renamed over the sidecar. A crash leaves the old sidecar or the new one,
// and at most a temporary file that the next write into that folder removes.
import { randomBytes } from 'node:crypto';
import { copyFile, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { faultPoint } from '../../faults/fault-points';

// exiftool picks the format by extension, so the temporary name still ends in .xmp; the
// leading dot and the .xmp keep it out of the catalog (both are ignored by the walk).
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.packshot-tmp\.xmp$/;

function tempName(sidecar: string): string {
  const name = `.${basename(sidecar).slice(0, 100)}.${process.pid}.${randomBytes(4).toString('hex')}`;
  return join(dirname(sidecar), `${name}.packshot-tmp.xmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class SidecarWriter {
  /** Folders whose leftovers this process has removed (once each: a readdir per folder). */
  private readonly swept = new Set<string>();

  async write(exiftool: ExifTool, sidecar: string, tags: Record<string, unknown>): Promise<void> {
    await this.sweep(dirname(sidecar));
    const temp = tempName(sidecar);
    try {
      // A new sidecar is made by exiftool from nothing; an existing one is edited as a copy.
      await copyFile(sidecar, temp).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await exiftool.write(temp, tags, { writeArgs: ['-overwrite_original'] });
      faultPoint('xmp.sidecar-temp-written');
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
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
      const pid = TEMP.exec(name)?.[1];
      if (pid !== undefined && !alive(Number(pid))) await rm(join(folder, name), { force: true });
    }
  }
}
