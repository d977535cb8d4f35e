// What the media cache and the version store share: files named by content hash in
// two-hex-digit shards, temp files in one `tmp/` folder named by the writing process (so a
// start removes what a killed process left without a walk), and "a zero-length file is
// absent" (what an OS crash can leave after a rename).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pidAlive } from '../tools/files/process-alive';

export class HashFolder {
  constructor(
    readonly root: string,
    /** Ends every temp file's name (the media cache's `.tmp`: the library doctor looks for it). */
    private readonly tempSuffix = '',
  ) {}

  /** `<root>/<first two characters>/<key><extension>`; the caller has checked the key. */
  pathFor(key: string, extension = ''): string {
    return join(this.root, key.slice(0, 2), `${key}${extension}`);
  }

  /** A file there with some bytes in it. */
  holds(path: string): boolean {
    try {
      return statSync(path).size > 0;
    } catch {
      return false;
    }
  }

  /**
   * Fills a fresh temp file (named `<pid>.<tag>.<random><suffix>`), then renames it onto `target`:
   * a crash leaves the old file or the new one. The temp file is gone either way.
   */
  async land(target: string, tag: string, fill: (temp: string) => Promise<void>): Promise<void> {
    await mkdir(join(target, '..'), { recursive: true });
    await mkdir(this.tempFolder(), { recursive: true });
    const temp = this.tempPath(tag);
    try {
      await fill(temp);
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
  }

  tempPath(tag: string): string {
    return join(
      this.tempFolder(),
      `${process.pid}.${tag}.${Math.random().toString(36).slice(2)}${this.tempSuffix}`,
    );
  }

  tempFolder(): string {
    return join(this.root, 'tmp');
  }

  /** Removes temp files of processes that no longer run (killed mid-write); how many. */
  sweepTemp(): number {
    let names: string[];
    try {
      names = readdirSync(this.tempFolder());
    } catch {
      return 0; // no folder yet: nothing was ever written
    }
    let removed = 0;
    for (const name of names) {
      const pid = Number(/^(\d+)\./.exec(name)?.[1]);
      if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) continue;
      rmSync(join(this.tempFolder(), name), { force: true });
      removed++;
    }
    return removed;
  }
}
