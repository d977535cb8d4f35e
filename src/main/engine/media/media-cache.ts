import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { isMediaKey } from '../../../shared/bridge';
import { faultPoint } from '../faults/fault-points';
import { HashFolder } from './hash-folder';

import type { MediaKind } from '../../../shared/bridge';

export type { MediaKind };

const EXTENSION: Record<MediaKind, string> = {
  thumb: '.webp',
  preview: '.webp',
  whitebg: '.webp',
  diff: '.png',
  page: '.png',
  strip: '.jpg',
  model: '.glb',
};

/**
 * Derived media, kept in the data dir and keyed by content hash: the same bytes anywhere
 * in any catalog share one thumbnail, and a moved file never needs a new one. A diff is
 * keyed by the two hashes it compares.
 */
export class MediaCache {
  private readonly written: Record<MediaKind, number> = {
    thumb: 0,
    preview: 0,
    whitebg: 0,
    diff: 0,
    page: 0,
    strip: 0,
    model: 0,
  };
  private readonly files: HashFolder;

  constructor(readonly root: string) {
    this.files = new HashFolder(root, '.tmp');
  }

  /** Files of this kind written since start: how much was rendered. */
  writes(kind: MediaKind): number {
    return this.written[kind];
  }

  folder(kind: MediaKind): string {
    return join(this.root, `${kind}s`);
  }

  /** The cache file for a key; throws on anything that is not that kind's key (a sha256). */
  pathFor(kind: MediaKind, key: string): string {
    if (!isMediaKey(kind, key)) throw new Error(`Not a ${kind} key: ${key.slice(0, 140)}`);
    return new HashFolder(this.folder(kind)).pathFor(key, EXTENSION[kind]);
  }

  /** Removes temporary files of processes that no longer run (killed mid-write). */
  sweepTemp(): number {
    return this.files.sweepTemp();
  }

  has(kind: MediaKind, key: string): boolean {
    return this.files.holds(this.pathFor(kind, key));
  }

  /**
   * Temp file, then rename: a crash of the app leaves the old file or the new one, never
   * half. No fsync: these are caches, rebuilt from the originals, and an fsync per
   * thumbnail would halve indexing speed; what an OS crash can leave (an empty file) is
   * treated as absent by has().
   */
  async write(kind: MediaKind, key: string, data: Uint8Array): Promise<string> {
    const target = this.pathFor(kind, key);
    await this.files.land(target, kind, async (temp) => {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(data);
      } finally {
        await handle.close();
      }
      faultPoint('media.temp-written');
    });
    this.written[kind]++;
    return target;
  }
}
