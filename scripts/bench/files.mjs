// The bench's file helpers: walking a tree (the restart's baseline), listing files, and the
// Debian packages the figures draw on.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WALLPAPER_PACKAGES } from './distinct-photos.mjs';

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

/** Files below dir (recursively), absolute paths, sorted. */
export function filesBelow(dir) {
  const out = [];
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  visit(dir);
  return out.sort();
}

/** Debian packages the bench draws on, with the installed version or 'not installed'. */
export function debianPackages() {
  const wanted = [
    ['plasma-workspace-wallpapers', 'photo corpus (cold scan, first paint)'],
    ...WALLPAPER_PACKAGES.slice(1).map((name) => [name, 'distinct photos (cold scan)']),
    ['libvips-tools', 'vipsthumbnail baseline'],
    ['time', 'GNU time: peak RSS of `scan` processes'],
    ['util-linux', 'taskset: the one-core scaling row'],
    ['findutils', '`find` walk, context for the restart baseline'],
    ['poppler-utils', 'pdftoppm baseline for PDF thumbnails'],
    ['forensics-samples-files', 'real PDFs for the PDF figure'],
    ['assimp-testmodels', 'glTF/GLB files (3D thumbnails)'],
  ];
  return wanted.map(([name, use]) => {
    const q = spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' });
    return { name, use, version: q.status === 0 && q.stdout ? q.stdout : 'not installed' };
  });
}
