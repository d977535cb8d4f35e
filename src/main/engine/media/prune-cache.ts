import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Keeps a cache folder under a byte budget by deleting the least recently used files
 * (access time, else modification time). Only derived files live there, so any may go.
 */
export async function pruneCache(
  folder: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ removed: number; bytes: number }> {
  const files: { path: string; size: number; used: number }[] = [];
  let total = 0;
  let shards: string[];
  try {
    shards = await readdir(folder);
  } catch {
    return { removed: 0, bytes: 0 };
  }
  for (const shard of shards) {
    if (signal?.aborted) return { removed: 0, bytes: total };
    const dir = join(folder, shard);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const info = await stat(join(dir, name));
        if (!info.isFile()) continue;
        files.push({
          path: join(dir, name),
          size: info.size,
          used: Math.max(info.atimeMs, info.mtimeMs),
        });
        total += info.size;
      } catch {
        // removed meanwhile
      }
    }
  }
  if (total <= maxBytes) return { removed: 0, bytes: total };
  files.sort((a, b) => a.used - b.used);
  let removed = 0;
  for (const file of files) {
    if (total <= maxBytes * 0.9 || signal?.aborted) break; // headroom: not on every write
    await rm(file.path, { force: true });
    total -= file.size;
    removed++;
  }
  return { removed, bytes: total };
}
