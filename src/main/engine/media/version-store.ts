import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HASH_PATTERN } from '../../../shared/bridge';
import type { VersionKept } from '../../../shared/version-dto';
import { cloneFile, type CloneFile } from '../tools/files/clone-file';
import { syncFolder, tempPathFor, writeNewFile } from '../tools/files/durable-files';
import { HashFolder } from './hash-folder';
import { readAndHash } from './read-and-hash';

export interface CloneProbe {
  clones: boolean;
  /** The error code that said no (ENOTSUP, EXDEV…), null when cloning works. */
  reason: string | null;
}

/** Beside a kept file that is a clone (it shares its blocks with the catalog's file). */
const CLONE_MARK = '.clone';

/**
 * Old bytes of replaced (or, where clones are free, overwritten) files, in the data folder:
 * `versions/<2 hex>/<sha256>`, content-addressed, so a version is restorable exactly when its
 * hash is here. Unlike the media cache these are no cache: each is written to a temp file,
 * fsynced, renamed and the folder fsynced, and nothing prunes them. A clone has an empty
 * `<sha256>.clone` beside it, so the app can say how each version is kept.
 */
export class VersionStore {
  private readonly files: HashFolder;

  constructor(
    root: string,
    private readonly clone: CloneFile = cloneFile,
  ) {
    this.files = new HashFolder(root);
  }

  pathFor(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new Error(`Not a content hash: ${hash.slice(0, 80)}`);
    return this.files.pathFor(hash);
  }

  has(hash: string): boolean {
    return this.files.holds(this.pathFor(hash));
  }

  /** How these bytes are kept: a full copy ('store'), a clone, or not at all. */
  keptAs(hash: string): VersionKept {
    if (!this.has(hash)) return null;
    return this.files.holds(this.pathFor(hash) + CLONE_MARK) ? 'clone' : 'store';
  }

  /**
   * Keeps these bytes (a full copy, fsync'd) under their hash, which it returns: the caller
   * hashes nothing itself, so the bytes are hashed once.
   */
  async keep(data: Uint8Array): Promise<string> {
    const hash = createHash('sha256').update(data).digest('hex');
    if (this.has(hash)) return hash;
    const target = this.pathFor(hash);
    await this.files.land(target, 'keep', (temp) => writeNewFile(temp, data));
    await syncFolder(join(target, '..'));
    // A full copy now, whatever a crash left of an earlier clone's mark.
    await rm(target + CLONE_MARK, { force: true });
    return hash;
  }

  /**
   * Keeps a clone of a file if it still has this content (it may have changed since it was
   * hashed: the clone is hashed before it is kept). Throws where the volume cannot clone.
   */
  async keepClone(source: string, hash: string): Promise<boolean> {
    if (this.has(hash)) return true;
    const target = this.pathFor(hash);
    let kept = false;
    // The mark first: a crash before the rename leaves a mark with no file (not kept).
    await this.files
      .land(target, 'keep', async (temp) => {
        await this.clone(source, temp);
        const read = await readAndHash(temp, 0, false);
        if (read.hash !== hash) throw new ChangedMeanwhile();
        await writeFile(target + CLONE_MARK, 'clone\n');
        // No fsync: this runs once per indexed file, and the original is still on disk; a clone
        // lost to a crash is only a version less to restore (restore checks the hash first).
        kept = true;
      })
      .catch((error: unknown) => {
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
    const target = this.files.tempPath('probe');
    try {
      await mkdir(this.files.tempFolder(), { recursive: true });
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
    this.files.sweepTemp();
  }
}

class ChangedMeanwhile extends Error {}
