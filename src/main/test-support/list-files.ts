import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Every file under a folder (dot files too), '/'-separated, relative to it, sorted; none if absent. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split(sep)
        .join('/'),
    )
    .sort();
}
