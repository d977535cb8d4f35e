import { stat } from 'node:fs/promises';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import { decodableEarly, readAndDecode, type EarlyRead, type IndexDeps } from './index-asset';

/** What the file looked like when its early read began: the index checks it is unchanged. */
interface Seen {
  path: string;
  bytes: number;
  mtimeMs: number;
  /** The file's stat before the read: size, mtime to the fraction, inode. */
  stamp: string;
}

interface Held {
  seen: Seen;
  read: Promise<EarlyRead | null>;
}

/**
 * Costly files (no camera thumbnail, no DC scans) read and decoded while the looks run: the
 * looks run on the main thread and leave the pool's cores mostly idle. At most `slots` at a
 * time, only while looks run, and at most `hold` results kept (each its compressed bytes and
 * its grid thumbnail, never full pixels). The file's index takes the result instead of
 * reading and decoding again, and only if the file is as it was (path, size, mtime, inode);
 * else the index reads it anew. `painted` hears each placeholder as soon as it is decoded.
 */
export class EarlyPixels {
  private readonly waiting: number[] = [];
  private readonly held = new Map<number, Held>();
  private running = 0;
  private looking = false;
  /** Bumped by clear(): a read begun before it is not kept. */
  private burst = 0;

  constructor(
    private readonly deps: IndexDeps,
    private readonly files: AssetFileRepo,
    private readonly painted: (id: number, placeholder: string) => void,
    private readonly limits: { slots: number; hold: number },
  ) {}

  /** Looks are running: costly files they find may start. */
  looksStarted(): void {
    this.looking = true;
  }

  /** Every look is done: the index queue takes over; files not started wait for it. */
  looksDone(): void {
    this.looking = false;
    this.waiting.length = 0;
  }

  /** A look found this file costly. */
  offer(id: number): void {
    if (!this.looking || this.held.has(id)) return;
    this.waiting.push(id);
    this.pump();
  }

  /** The early result for this file, once; null when there is none or the file changed. */
  async take(file: Located): Promise<EarlyRead | null> {
    const held = this.held.get(file.id);
    if (!held) return null;
    this.held.delete(file.id);
    const { seen } = held;
    if (seen.path !== file.path || seen.bytes !== file.bytes || seen.mtimeMs !== file.mtimeMs)
      return null;
    const read = await held.read;
    if (!read) return null;
    const now = await stat(file.path).catch(() => null);
    return now && stampOf(now) === seen.stamp ? read : null;
  }

  /** A burst of indexing ended: what was not taken is dropped. */
  clear(): void {
    this.burst++;
    this.waiting.length = 0;
    this.held.clear();
    this.looking = false;
  }

  private pump(): void {
    while (this.looking && this.running < this.limits.slots && this.held.size < this.limits.hold) {
      const id = this.waiting.shift();
      if (id === undefined) return;
      const file = this.files.locate(id);
      if (!file || !decodableEarly(file)) continue;
      this.running++;
      const read = this.read(file);
      this.held.set(id, { seen: read.seen, read: read.done });
    }
  }

  private read(file: Located): { seen: Seen; done: Promise<EarlyRead | null> } {
    const seen: Seen = { path: file.path, bytes: file.bytes, mtimeMs: file.mtimeMs, stamp: '' };
    const burst = this.burst;
    const done = (async () => {
      try {
        const before = await stat(file.path);
        // As the walk saw it (it keeps whole milliseconds), else the index's to read.
        if (before.size !== file.bytes || Math.trunc(before.mtimeMs) !== file.mtimeMs) return null;
        seen.stamp = stampOf(before);
        const read = await readAndDecode(this.deps, file);
        const { placeholder } = read.decoded.thumbnail;
        if (placeholder !== null && burst === this.burst) this.painted(file.id, placeholder);
        return read;
      } catch {
        return null; // the index reads it again and reports what is wrong
      } finally {
        this.running--;
        this.pump();
      }
    })();
    return { seen, done };
  }
}

function stampOf(info: { size: number; mtimeMs: number; ino: number }): string {
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}
