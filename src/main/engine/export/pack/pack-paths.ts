// Every path a pack writes or removes is checked to stay inside the pack's folder: by name
// (no '..', no absolute part) and on disk (no symlinked folder leading out).
import { lstat, mkdir, readdir, realpath, rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PackshotError } from '../../../../shared/errors';
import { isTempName } from './write-atomic';

export class PackPaths {
  private readonly made = new Set<string>();
  /** Names already checked and resolved: a run asks for each several times. */
  private readonly resolved = new Map<string, string>();

  private constructor(
    readonly root: string,
    private readonly realRoot: string,
  ) {}

  static async open(out: string, create: boolean): Promise<PackPaths> {
    const root = resolve(out);
    if (create) await mkdir(root, { recursive: true });
    const real = await realpath(root).catch(() => root);
    return new PackPaths(root, real);
  }

  /** The absolute path of a file in the pack; throws if the name would leave it. */
  resolve(file: string): string {
    const known = this.resolved.get(file);
    if (known !== undefined) return known;
    const parts = file.split('/');
    if (
      parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))
    )
      throw new PackshotError('invalid_argument', `unsafe path in pack: ${file}`);
    const abs = resolve(this.root, ...parts);
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
      throw new PackshotError('invalid_argument', `path leaves the pack: ${file}`);
    this.resolved.set(file, abs);
    return abs;
  }

  isSafe(file: string): boolean {
    try {
      this.resolve(file);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Creates the file's folder one level at a time, checking each level before the next is
   * made: a symlinked folder leading out of the pack is refused before anything is created
   * through it.
   */
  async folderFor(file: string): Promise<string> {
    const abs = this.resolve(file);
    const dir = dirname(abs);
    if (this.made.has(dir)) return abs;
    let at = this.root;
    for (const part of relative(this.root, dir).split(sep).filter(Boolean)) {
      at = join(at, part);
      if (this.made.has(at)) continue;
      const s = await lstat(at).catch(() => null);
      if (!s) {
        await mkdir(at).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST')
            throw new PackshotError('io', `could not create ${at}: ${error.message}`);
        });
      } else if (s.isSymbolicLink() && !(await this.leadsInside(at))) {
        throw new PackshotError(
          'invalid_argument',
          `folder leads out of the pack (a symbolic link): ${relative(this.root, at)}; nothing was written through it`,
        );
      } else if (!s.isSymbolicLink() && !s.isDirectory()) {
        throw new PackshotError('conflict', `${at} is a file, not a folder: ${file} not written`);
      }
      // Made or checked: a link created in between is caught by the check below.
      if (!(await this.leadsInside(at)))
        throw new PackshotError('invalid_argument', `folder leads out of the pack: ${file}`);
      this.made.add(at);
    }
    return abs;
  }

  /** Whether the file's folder, as it is on disk now, is inside the pack (makes nothing). */
  async isInside(file: string): Promise<boolean> {
    if (!this.isSafe(file)) return false;
    return this.leadsInside(dirname(this.resolve(file)));
  }

  /** A missing folder is judged by its nearest existing parent. */
  private async leadsInside(dir: string): Promise<boolean> {
    for (let at = dir; ; at = dirname(at)) {
      const real = await realpath(at).catch(() => null);
      if (real !== null) return real === this.realRoot || real.startsWith(this.realRoot + sep);
      if (!at.startsWith(this.root + sep)) return false;
    }
  }

  /**
   * Removes temporary files a killed run left in these folders of the pack: only names
   * writeAtomic makes, only in folders inside the pack, and only under the pack's lock (so
   * never another export's file in flight).
   */
  async sweepTemp(files: Iterable<string>): Promise<number> {
    // Each folder is checked and read once, however many files share it, and 64 at a time:
    // one realpath per file, one after another, was a third of a re-export with nothing to do.
    const named = new Set<string>();
    for (const f of files) if (this.isSafe(f)) named.add(dirname(this.resolve(f)));
    const dirs = new Set<string>([this.root]);
    await atOnce([...named], async (dir) => {
      if (await this.leadsInside(dir)) dirs.add(dir);
    });
    let removed = 0;
    await atOnce([...dirs], async (dir) => {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter(isTempName)) {
        await rm(join(dir, name), { force: true });
        removed++;
      }
    });
    return removed;
  }

  /** Removes now-empty folders from the file's up to (not including) the pack's root. */
  async pruneEmpty(file: string): Promise<void> {
    if (!(await this.isInside(file))) return;
    let dir = dirname(this.resolve(file));
    while (dir !== this.root && dir.startsWith(this.root + sep)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or gone): stop
      }
      this.made.delete(dir);
      dir = dirname(dir);
    }
  }
}

/** Runs `work` on every item, 64 at a time. */
async function atOnce<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(64, items.length) }, worker));
}
