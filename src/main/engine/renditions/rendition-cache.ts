// Renditions by URL on disk: `cache/renditions/<2 hex>/<key>.<ext>` (the media cache's
// hash-folder layout), written atomically, kept within a byte budget by removing the least
// recently used files. A hit touches its file (at most once a minute: a write per hit would
// cost more than the hit); the trim runs after writes, off the request path.
import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HashFolder } from '../media/hash-folder';

const TOUCH_EVERY_MS = 60_000;

export interface CachedFile {
  path: string;
  bytes: number;
}

export class RenditionCache {
  private readonly files: HashFolder;
  /** Bytes on disk as last counted plus what was written since; null: not counted yet. */
  private total: number | null = null;
  private trimming: Promise<void> | null = null;
  private again = false;
  /** The newest file written: a trim never removes it (it is being served). */
  private newest = '';

  constructor(
    readonly root: string,
    private readonly budgetBytes: number,
  ) {
    this.files = new HashFolder(root, '.tmp');
    this.files.sweepTemp();
  }

  pathFor(key: string, extension: string): string {
    return this.files.pathFor(key, `.${extension}`);
  }

  /** The cached file, touched as used; null when absent (or empty: what an OS crash leaves). */
  async lookup(key: string, extension: string): Promise<CachedFile | null> {
    const path = this.pathFor(key, extension);
    try {
      const s = await stat(path);
      if (s.size === 0) return null;
      const now = Date.now();
      if (now - s.mtimeMs > TOUCH_EVERY_MS) {
        void utimes(path, now / 1000, now / 1000).catch(() => undefined);
      }
      return { path, bytes: s.size };
    } catch {
      return null;
    }
  }

  /** Temp file, then rename (no fsync: a cache, made again from the original). */
  async write(key: string, extension: string, data: Uint8Array): Promise<CachedFile> {
    const path = this.pathFor(key, extension);
    await this.files.land(path, 'rendition', (temp) => writeFile(temp, data));
    this.newest = path;
    if (this.total !== null) this.total += data.byteLength;
    if (this.total === null || this.total > this.budgetBytes) this.trimSoon();
    return { path, bytes: data.byteLength };
  }

  /** Resolves when no trim is running or queued (tests, close). */
  async settled(): Promise<void> {
    while (this.trimming) await this.trimming;
  }

  private trimSoon(): void {
    if (this.trimming) {
      this.again = true;
      return;
    }
    this.trimming = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.trim())
      .catch(() => undefined)
      .finally(() => {
        this.trimming = null;
        if (this.again) {
          this.again = false;
          if (this.total === null || this.total > this.budgetBytes) this.trimSoon();
        }
      });
  }

  /** Counts what is on disk (another process may write here too), then removes the oldest. */
  private async trim(): Promise<void> {
    const all = await this.walk();
    let total = all.reduce((sum, f) => sum + f.bytes, 0);
    all.sort((a, b) => a.used - b.used);
    for (const f of all) {
      if (total <= this.budgetBytes) break;
      if (f.path === this.newest) continue;
      await rm(f.path, { force: true });
      total -= f.bytes;
    }
    this.total = total;
  }

  private async walk(): Promise<{ path: string; bytes: number; used: number }[]> {
    const out: { path: string; bytes: number; used: number }[] = [];
    let shards: string[];
    try {
      shards = await readdir(this.root);
    } catch {
      return out;
    }
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue; // tmp/ and anything else
      let names: string[];
      try {
        names = await readdir(join(this.root, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(this.root, shard, name);
        try {
          const s = await stat(path);
          out.push({ path, bytes: s.size, used: s.mtimeMs });
        } catch {
          // removed meanwhile (another process's trim)
        }
      }
    }
    return out;
  }
}
