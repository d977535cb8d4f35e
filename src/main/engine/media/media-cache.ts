import { readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pidAlive } from '../tools/files/process-alive';
import { HASH_PATTERN } from '../../../shared/bridge';
import { faultPoint } from '../faults/fault-points';

import type { MediaKind } from '../../../shared/bridge';

export type { MediaKind };

const EXTENSION: Record<MediaKind, string> = { thumb: 'webp', preview: 'webp' };

/**
 * Derived media, kept in the data dir and keyed by content hash: the same bytes anywhere
 * in any catalog share one thumbnail, and a moved file never needs a new one.
 */
export class MediaCache {
  private readonly written: Record<MediaKind, number> = { thumb: 0, preview: 0 };

  constructor(readonly root: string) {}

  /** Files of this kind written since start: how much was rendered. */
  writes(kind: MediaKind): number {
    return this.written[kind];
  }

  folder(kind: MediaKind): string {
    return join(this.root, `${kind}s`);
  }

  /** The cache file for a hash; throws on anything that is not a sha256 hex digest. */
  pathFor(kind: MediaKind, hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new Error(`Not a content hash: ${hash.slice(0, 80)}`);
    return join(this.root, `${kind}s`, hash.slice(0, 2), `${hash}.${EXTENSION[kind]}`);
  }

  /** Removes temporary files of processes that no longer run (killed mid-write). */
  sweepTemp(): number {
    let removed = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.tempFolder());
    } catch {
      return 0; // no folder yet: nothing was ever written
    }
    for (const name of names) {
      const pid = Number(/^(\d+)\./.exec(name)?.[1]);
      if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) continue;
      rmSync(join(this.tempFolder(), name), { force: true });
      removed++;
    }
    return removed;
  }

  private tempFolder(): string {
    return join(this.root, 'tmp');
  }

  /** A zero-length file (what an OS crash can leave after a rename) counts as absent. */
  has(kind: MediaKind, hash: string): boolean {
    try {
      return statSync(this.pathFor(kind, hash)).size > 0;
    } catch {
      return false;
    }
  }

  /**
   * Temp file, then rename: a crash of the app leaves the old file or the new one, never
   * half. No fsync: these are caches, rebuilt from the originals, and an fsync per
   * thumbnail would halve indexing speed; what an OS crash can leave (an empty file) is
   * treated as absent by has().
   */
  async write(kind: MediaKind, hash: string, data: Uint8Array): Promise<string> {
    const target = this.pathFor(kind, hash);
    await mkdir(join(target, '..'), { recursive: true });
    // Temporary files sit in one folder, named by the writing process, so that a start can
    // remove what a killed process left without walking the whole cache.
    await mkdir(this.tempFolder(), { recursive: true });
    const temp = join(
      this.tempFolder(),
      `${process.pid}.${kind}.${Math.random().toString(36).slice(2)}.tmp`,
    );
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(data);
      } finally {
        await handle.close();
      }
      faultPoint('media.temp-written');
      await rename(temp, target);
      this.written[kind]++;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return target;
  }
}
