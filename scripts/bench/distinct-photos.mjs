// The main cold-scan corpus: real pictures from Debian's wallpaper packages, ONE file per
// picture, as a real shoot is (no two files render the same thumbnail). Packages link or
// ship one picture under many sizes (plasma: a folder per picture, a dozen sizes and a
// screenshot; mate: `Elephants_3840x2160.jpg` beside `Elephants.jpg`), so files are grouped
// by picture (folder or name stem) and only the largest of each group is kept; then exact
// copies (same bytes) and near copies (same perceptual hash and brightness) are dropped.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, dirname, extname, join } from 'node:path';
import sharp from 'sharp';

/** What `scripts/bench/install-debian-deps.sh` installs for this corpus. */
export const WALLPAPER_PACKAGES = [
  'plasma-workspace-wallpapers',
  'ukui-wallpapers',
  'mate-backgrounds',
  'lomiri-wallpapers-20.04',
  'lomiri-wallpapers-16.04',
  'gnome-backgrounds',
];

const PICTURE = /\.(jpe?g|png|webp)$/i;

/** The package's installed version and pictures, or null when it is not installed. */
function packageFiles(name) {
  const version = spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' });
  if (version.status !== 0 || !version.stdout) return null;
  const listed = spawnSync('dpkg', ['-L', name], { encoding: 'utf8' });
  const files = listed.stdout
    .split('\n')
    .filter((path) => PICTURE.test(path))
    .filter((path) => {
      try {
        return statSync(path).isFile(); // follows links: the size a user's copy would have
      } catch {
        return false;
      }
    });
  return { version: version.stdout, files };
}

/**
 * Which picture a file shows: plasma's `Name/contents/images[_dark]/WxH.ext` and its
 * `Name/contents/screenshot.ext` are one picture per folder (the dark variant is another);
 * elsewhere a `_WxH` or `-WxH` suffix names a size of the same picture.
 */
export function pictureKey(path) {
  const plasma =
    /^(.*\/wallpapers)\/([^/]+)\/contents\/(?:(images(?:_dark)?)\/[^/]+|screenshot\.\w+)$/.exec(
      path,
    );
  if (plasma) return `${plasma[1]}/${plasma[2]}-${plasma[3] ?? 'images'}`;
  const stem = basename(path, extname(path)).replace(/[_-]\d{3,5}x\d{3,5}$/, '');
  return `${dirname(path)}/${stem}`.toLowerCase();
}

/** A 64-bit difference hash of the picture's grey levels, and its mean brightness. */
async function looks(path) {
  const { data } = await sharp(path, { limitInputPixels: false })
    .greyscale()
    .resize(9, 8, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let bits = 0n;
  let sum = 0;
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++) {
      const left = data[y * 9 + x];
      bits = (bits << 1n) | (left > data[y * 9 + x + 1] ? 1n : 0n);
      sum += left;
    }
  return { bits, mean: sum / 64 };
}

const hamming = (a, b) => {
  let x = a ^ b;
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
};

/**
 * Copies one file per distinct picture from the installed wallpaper packages into target.
 * Returns null when none is installed (the caller falls back to generated photos).
 */
export async function distinctPhotos(target) {
  const packages = [];
  const groups = new Map(); // picture key → { path, bytes, pkg }
  for (const name of WALLPAPER_PACKAGES) {
    const found = packageFiles(name);
    packages.push({ name, version: found?.version ?? null, files: found?.files.length ?? 0 });
    for (const path of found?.files ?? []) {
      const key = pictureKey(path);
      const bytes = statSync(path).size;
      const held = groups.get(key);
      if (!held || bytes > held.bytes) groups.set(key, { path, bytes, pkg: name });
    }
  }
  if (groups.size === 0) return { packages, files: 0 };

  mkdirSync(target, { recursive: true });
  const contents = new Set();
  const seen = [];
  const kept = new Map(packages.map((p) => [p.name, 0]));
  let bytes = 0;
  let dropped = 0;
  for (const { path, pkg } of [...groups.values()].sort((a, b) => b.bytes - a.bytes)) {
    const data = readFileSync(path);
    const hash = createHash('sha256').update(data).digest('hex');
    const look = await looks(path);
    const near = seen.some(
      (s) => hamming(s.bits, look.bits) <= 2 && Math.abs(s.mean - look.mean) < 8,
    );
    if (contents.has(hash) || near) {
      dropped++;
      continue;
    }
    contents.add(hash);
    seen.push(look);
    kept.set(pkg, kept.get(pkg) + 1);
    // Packages share names (Flow.png, …): the package prefix keeps them apart.
    const name = `${pkg}_${basename(pictureKey(path))}${extname(path).toLowerCase()}`;
    copyFileSync(path, join(target, name));
    bytes += data.length;
  }
  for (const p of packages) p.kept = kept.get(p.name);
  return {
    packages,
    files: contents.size,
    unique: contents.size,
    bytes,
    nearCopiesDropped: dropped,
  };
}

/** "plasma-workspace-wallpapers 33 of 215, …; not installed: x, y" */
export function describePackages(packages) {
  const used = packages.filter((p) => p.version);
  const missing = packages.filter((p) => !p.version).map((p) => p.name);
  const parts = used.map((p) => `${p.name} ${p.kept ?? 0} of ${p.files}`);
  return `${parts.join(', ')}${missing.length ? `; not installed: ${missing.join(', ')}` : ''}`;
}
