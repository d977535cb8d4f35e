// The baselines for a restart's walk: a bare readdir + stat of every file, as Node does it.
import { readdirSync, statSync } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The baseline for a restart: a bare fs.promises readdir + stat of every file. */
export async function walkAndStat(dir) {
  let files = 0;
  let bytes = 0;
  const folders = [dir];
  while (folders.length > 0) {
    const folder = folders.pop();
    const names = [];
    for await (const entry of await opendir(folder, { bufferSize: 256 })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) names.push(path);
    }
    for (let i = 0; i < names.length; i += 64) {
      const stats = await Promise.all(names.slice(i, i + 64).map((p) => stat(p)));
      for (const info of stats) {
        files++;
        bytes += info.size;
      }
    }
  }
  return { files, bytes };
}

/** The same walk with readdirSync + statSync: what Node can do without the thread pool. */
export function walkAndStatSync(dir) {
  let files = 0;
  const folders = [dir];
  while (folders.length > 0) {
    const folder = folders.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile() && statSync(path).size >= 0) files++;
    }
  }
  return { files };
}
