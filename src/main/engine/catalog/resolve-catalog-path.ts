import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { PackshotError } from '../../../shared/errors';

/** Canonical absolute path of a folder the user wants catalogued, or a clear refusal. */
export async function resolveCatalogPath(input: string): Promise<{ path: string; name: string }> {
  if (input.includes('\0'))
    throw new PackshotError('invalid_argument', 'The path contains a NUL byte');
  const absolute = resolve(input);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    throw new PackshotError('not_found', `No such folder: ${absolute}`);
  }
  const info = await stat(real);
  if (!info.isDirectory()) throw new PackshotError('invalid_argument', `Not a folder: ${real}`);
  return { path: real, name: basename(real) || real };
}

/** True when child is parent itself or lies below it. */
export function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
