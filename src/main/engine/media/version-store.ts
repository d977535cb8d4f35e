import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HASH_PATTERN } from '../../../shared/bridge';
import { cloneFile, type CloneFile } from '../tools/files/clone-file';
import { syncFolder, tempPathFor, writeNewFile } from '../tools/files/durable-files';
import { pidAlive } from '../tools/files/process-alive';
import { readAndHash } from './read-and-hash';

export interface CloneProbe {
  clones: boolean;
  /** The error code that said no (ENOTSUP, EXDEV…), null when cloning works. */
  reason: string | null;
}

/**
 * Old bytes of replaced (or, where clones are free, overwritten) files, in the data folder:
 * `versions/<2 hex>/<sha256>`, content-addressed, so a version is restorable exactly when its
 * hash is here. Unlike the media cache these are no cache: each is written to a temp file,
 * fsynced, renamed and the folder fsynced, and nothing prunes them.
 */
export class VersionStore {
  constructor(
    private readonly root: string,
    private readonly clone: CloneFile = cloneFile,
  ) {}

  pathFor(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new Error(`Not a content hash: ${hash.slice(0, 80)}`);
    return join(this.root, hash.slice(0, 2), hash);
  }

  /** A zero-length file (what an OS crash can leave after a rename) counts as absent. */
  has(hash: string): boolean {
    try {
      return statSync(this.pathFor(hash)).size > 0;
    } catch {
      return false;
    }
  }

  /** Keeps these bytes (a full copy, fsync'd) under their hash. */
  async keep(hash: string, data: Uint8Array): Promise<void> {
    if (this.has(hash)) return;
    if (createHash('sha256').update(data).digest('hex') !== hash)
      throw new Error('The bytes to keep do not have the hash they are kept under');
    await this.land(hash, (temp) => writeNewFile(temp, data));
  }

  /**
   * Keeps a clone of a file if it still has this content (it may have changed since it was
   * hashed: the clone is hashed before it is kept). Throws where the volume cannot clone.
   */
  async keepClone(source: string, hash: string): Promise<boolean> {
    if (this.has(hash)) return true;
    let kept = false;
    await this.land(
      hash,
      async (temp) => {
        await this.clone(source, temp);
        const read = await readAndHash(temp, 0, false);
        if (read.hash !== hash) throw new ChangedMeanwhile();
        // No fsync: this runs once per indexed file, and the original is still on disk; a clone
        // lost to a crash is only a version less to restore (restore checks the hash first).
        kept = true;
      },
      false,
    ).catch((error: unknown) => {
      if (!(error instanceof ChangedMeanwhile)) throw error;
    });
    return kept;
  }

  /**
   * Can files in this folder be cloned into the store? Clones a small probe file written
   * beside them (a dot temp file, removed at once): the answer of the two volumes at hand.
   */
  async probe(folder: string): Promise<CloneProbe> {
    const source = tempPathFor(join(folder, 'clone-probe'), [String(process.pid)]);
    const target = this.tempPath('probe');
    try {
      await mkdir(this.tempFolder(), { recursive: true });
      await writeFile(source, 'packshot clone probe\n', { flag: 'wx' });
      await this.clone(source, target);
      return { clones: true, reason: null };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { clones: false, reason: code ?? String(error) };
    } finally {
      await rm(source, { force: true });
      await rm(target, { force: true });
    }
  }

  /** Removes temporary files of processes that no longer run (killed mid-write). */
  sweepTemp(): void {
    let names: string[];
    try {
      names = readdirSync(this.tempFolder());
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(/^(\d+)\./.exec(name)?.[1]);
      if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) continue;
      rmSync(join(this.tempFolder(), name), { force: true });
    }
  }

  /** Fills a temp file, renames it into place; `durable`: and fsyncs the rename. */
  private async land(
    hash: string,
    fill: (temp: string) => Promise<void>,
    durable = true,
  ): Promise<void> {
    const target = this.pathFor(hash);
    await mkdir(join(target, '..'), { recursive: true });
    await mkdir(this.tempFolder(), { recursive: true });
    const temp = this.tempPath('keep');
    try {
      await fill(temp);
      await rename(temp, target);
      if (durable) await syncFolder(join(target, '..'));
    } finally {
      await rm(temp, { force: true });
    }
  }

  private tempFolder(): string {
    return join(this.root, 'tmp');
  }

  private tempPath(kind: string): string {
    return join(this.tempFolder(), `${process.pid}.${kind}.${Math.random().toString(36).slice(2)}`);
  }
}

class ChangedMeanwhile extends Error {}
