import { mkdir, stat } from 'node:fs/promises';
import type { CloneSupport, CloneSupportRepo } from '../repositories/clone-support-repo';
import type { VersionStore } from './version-store';

export interface CloneTarget {
  catalogId: number;
  catalogPath: string;
  path: string;
}

/**
 * Where the catalog's volume can clone into the data folder's, each indexed content is kept
 * as a clone, so an overwrite from outside Packshot can be restored. Whether it can is
 * probed once per pair of volumes and kept in the library; where it cannot, nothing is kept
 * (a full copy of every original would double the disk a library takes, silently).
 */
export class KeepClones {
  /** Per catalog, this process's answer: the library is read once, not per file. */
  private readonly known = new Map<number, Promise<CloneSupport>>();

  constructor(
    private readonly store: VersionStore,
    private readonly storeRoot: string,
    private readonly support: CloneSupportRepo,
  ) {}

  /** Keeps a clone of this content when the volume clones; failures only cost the clone. */
  async keep(file: CloneTarget, hash: string): Promise<boolean> {
    try {
      // The volume first: where it cannot clone (most), no stat per indexed file.
      const found = await this.supportFor(file.catalogId, file.catalogPath);
      if (!found.clones) return false;
      return await this.store.keepClone(file.path, hash);
    } catch (error) {
      console.warn(`packshot: could not keep a clone of ${file.path}: ${String(error)}`);
      return false;
    }
  }

  /** What the probe says for this catalog's volume (probing when not known yet). */
  supportFor(catalogId: number, catalogPath: string): Promise<CloneSupport> {
    let known = this.known.get(catalogId);
    if (!known) {
      known = this.settle(catalogId, catalogPath);
      this.known.set(catalogId, known);
      known.catch(() => this.known.delete(catalogId));
    }
    return known;
  }

  private async settle(catalogId: number, catalogPath: string): Promise<CloneSupport> {
    await mkdir(this.storeRoot, { recursive: true });
    const catalogDev = (await stat(catalogPath)).dev;
    const dataDev = (await stat(this.storeRoot)).dev;
    const kept = this.support.get(catalogId);
    if (kept && kept.catalogDev === catalogDev && kept.dataDev === dataDev) return kept;
    const probe = await this.store.probe(catalogPath);
    const found = { catalogDev, dataDev, ...probe };
    this.support.set(catalogId, found);
    return { ...found, probedAt: new Date().toISOString() };
  }
}
