// Bench corpora. Real photos from Debian's plasma-workspace-wallpapers when installed
// (symlinked sizes are copied as the separate files a user would have), else generated.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';

const WALLPAPERS = '/usr/share/wallpapers';

function findJpegs(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findJpegs(path, out);
    else if (/\.jpe?g$/i.test(entry.name)) out.push(path);
  }
  return out;
}

export async function photoCorpus(target) {
  mkdirSync(target, { recursive: true });
  if (existsSync(WALLPAPERS)) {
    const files = findJpegs(WALLPAPERS);
    for (const file of files) {
      const name = relative(WALLPAPERS, file).replaceAll('/', '_');
      copyFileSync(file, join(target, name)); // follows symlinks: a real copy
    }
    return {
      name: 'plasma-workspace-wallpapers JPEGs',
      files: files.length,
      bytes: totalBytes(target),
      unique: uniqueContents(target),
    };
  }
  const count = 120;
  for (let i = 0; i < count; i++) {
    const noise = await sharp({
      create: {
        width: 3000,
        height: 2000,
        channels: 3,
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .blur(3)
      .jpeg({ quality: 90 })
      .toBuffer();
    await sharp(noise)
      .jpeg({ quality: 90 })
      .toFile(join(target, `generated-${i}.jpg`));
  }
  return {
    name: 'generated 3000×2000 JPEGs (plasma-workspace-wallpapers not installed)',
    files: count,
    bytes: totalBytes(target),
    unique: uniqueContents(target),
  };
}

function totalBytes(dir) {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Distinct contents: the package ships some sizes as links to one file. */
function uniqueContents(dir) {
  const hashes = new Set(
    readdirSync(dir).map((name) =>
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ),
  );
  return hashes.size;
}

/** One file per distinct content: measures rendering alone, with no help from the cache. */
export function distinctCorpus(source, target) {
  mkdirSync(target, { recursive: true });
  const seen = new Set();
  let files = 0;
  for (const name of readdirSync(source)) {
    const data = readFileSync(join(source, name));
    const hash = createHash('sha256').update(data).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    copyFileSync(join(source, name), join(target, name));
    files++;
  }
  return { files, bytes: totalBytes(target), unique: files };
}
