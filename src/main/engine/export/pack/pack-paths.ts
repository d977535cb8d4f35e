// Every path a pack writes or removes is checked to stay inside the pack's folder: by name
// (no '..', no absolute part) and on disk (no symlinked folder leading out).
import { mkdir, readdir, realpath, rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PackshotError } from '../../../../shared/errors';
import { isTempName } from './write-atomic';

export class PackPaths {
  private readonly made = new Set<string>();

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
    const parts = file.split('/');
    if (
      parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))
    )
      throw new PackshotError('invalid_argument', `unsafe path in pack: ${file}`);
    const abs = resolve(this.root, ...parts);
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
      throw new PackshotError('invalid_argument', `path leaves the pack: ${file}`);
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

  /** Creates the file's folder and checks that, on disk, it is inside the pack. */
  async folderFor(file: string): Promise<string> {
    const abs = this.resolve(file);
    const dir = dirname(abs);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      const real = await realpath(dir);
      if (real !== this.realRoot && !real.startsWith(this.realRoot + sep))
        throw new PackshotError('invalid_argument', `folder leads out of the pack: ${file}`);
      this.made.add(dir);
    }
    return abs;
  }

  /** Removes temporary files a killed run left in these folders of the pack. */
  async sweepTemp(files: Iterable<string>): Promise<number> {
    const dirs = new Set<string>([this.root]);
    for (const f of files) dirs.add(dirname(this.resolve(f)));
    let removed = 0;
    for (const dir of dirs) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter(isTempName)) {
        await rm(join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Removes now-empty folders from the file's up to (not including) the pack's root. */
  async pruneEmpty(file: string): Promise<void> {
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
