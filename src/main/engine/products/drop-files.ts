import { randomUUID } from 'node:crypto';
import { copyFile, link, lstat, mkdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { PackshotError } from '../../../shared/errors';

export interface Copied {
  source: string;
  /** Where it landed, relative to the catalog, '/' separated. */
  relPath: string;
}

/**
 * The folder inside a catalog that `folder` names, created level by level. Refuses absolute
 * paths, '..' and any level (a symlink) that resolves outside the catalog, before creating
 * anything under it.
 */
export async function dropFolder(
  root: string,
  folder: string,
): Promise<{ dir: string; rel: string }> {
  const parts = folder.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (isAbsolute(folder) || /^[a-zA-Z]:/.test(folder) || parts.includes('..'))
    throw new PackshotError('invalid_argument', `The folder must be inside the catalog: ${folder}`);
  const realRoot = await realpath(root);
  const inside = (path: string): boolean => path === realRoot || path.startsWith(realRoot + sep);
  let dir = realRoot;
  for (const part of parts) {
    const next = join(dir, part);
    await mkdir(next).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    dir = await realpath(next);
    if (!inside(dir))
      throw new PackshotError(
        'invalid_argument',
        `The folder leads outside the catalog: ${folder}`,
      );
  }
  return { dir, rel: relative(realRoot, dir).split(sep).join('/') };
}

/**
 * Copies one file into `dir` under its own name, or `name (2).ext` when taken: never over
 * an existing file. The copy is written under a hidden temporary name (which the scanner
 * ignores) and then linked into place, so no half-written file is ever catalogued.
 */
export async function copyInto(source: string, dir: string, rel: string): Promise<Copied> {
  const info = await lstat(source).catch(() => null);
  if (!info) throw new Error('not found');
  if (!(info.isFile() || (info.isSymbolicLink() && (await stat(source)).isFile())))
    throw new Error('not a file');
  const name = basename(source);
  const temp = join(dir, `.packshot-drop-${randomUUID()}.tmp`);
  await copyFile(source, temp);
  try {
    for (let n = 1; n < 10_000; n++) {
      const candidate = n === 1 ? name : `${basename(name, extname(name))} (${n})${extname(name)}`;
      const target = join(dir, candidate);
      if (await placed(temp, target))
        return { source, relPath: rel ? `${rel}/${candidate}` : candidate };
    }
    throw new Error('no free name');
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Puts temp at target unless target exists: a hard link fails on an existing name. */
async function placed(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
  }
  // File systems without hard links (FAT, some network drives): check, then rename.
  if (
    await lstat(target).then(
      () => true,
      () => false,
    )
  )
    return false;
  await rename(temp, target);
  return true;
}
