// Bench corpora. Real photos from Debian's plasma-workspace-wallpapers when installed
// (symlinked sizes are copied as the separate files a user would have), else generated.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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

// Generated trees, cached under the OS temp folder so reruns reuse them. Bump the version
// when what is generated changes.
const GENERATED_VERSION = 'v1';

function cachedTree(label, count, generate) {
  const base = join(tmpdir(), `packshot-bench-${label}-${GENERATED_VERSION}-${count}`);
  const dir = join(base, 'tree');
  const marker = join(base, 'complete.json');
  return async () => {
    if (existsSync(marker)) {
      const info = JSON.parse(readFileSync(marker, 'utf8'));
      return { ...info, dir, cached: true, generatedSeconds: 0 };
    }
    rmSync(base, { recursive: true, force: true });
    const partial = join(base, 'partial');
    mkdirSync(partial, { recursive: true });
    const started = process.hrtime.bigint();
    const info = await generate(partial, count);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    renameSync(partial, dir);
    writeFileSync(marker, JSON.stringify({ ...info, seconds }));
    return { ...info, seconds, dir, cached: false, generatedSeconds: seconds };
  };
}

/** Runs fn over 0..count-1, `parallel` at a time. */
async function pool(count, parallel, fn) {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** A small PRNG so every file's pixels differ and reruns make the same files. */
function prng(seed) {
  let x = seed * 2654435761 + 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct 32×32 images (half JPEG, half PNG), 1,000 to a folder, each a colour
 * gradient with noise of its own: what a restart over a big catalog walks past.
 */
export function smallImageTree(count) {
  return cachedTree('100k', count, async (dir, n) => {
    const folders = Math.ceil(n / 1000);
    for (let f = 0; f < folders; f++) mkdirSync(join(dir, `shoot-${String(f).padStart(3, '0')}`));
    let bytes = 0;
    await pool(n, 4 * availableParallelism(), async (i) => {
      const random = prng(i + 1);
      const [r, g, b] = [random() * 255, random() * 255, random() * 255];
      const pixels = Buffer.alloc(32 * 32 * 3);
      for (let p = 0; p < 32 * 32; p++) {
        const t = (p % 32) / 31;
        pixels[p * 3] = Math.min(255, r * (1 - t) + 40 * random());
        pixels[p * 3 + 1] = Math.min(255, g * t + 40 * random());
        pixels[p * 3 + 2] = Math.max(0, Math.min(255, b + 40 * random() - 20));
      }
      const image = sharp(pixels, { raw: { width: 32, height: 32, channels: 3 } });
      const folder = `shoot-${String(Math.floor(i / 1000)).padStart(3, '0')}`;
      const name = `img-${String(i).padStart(6, '0')}.${i % 2 ? 'png' : 'jpg'}`;
      const info = await (i % 2 ? image.png() : image.jpeg({ quality: 85 })).toFile(
        join(dir, folder, name),
      );
      bytes += info.size;
    });
    return { files: n, folders, bytes };
  });
}

/** `count` distinct 800×600 photo-like JPEGs (smooth colour fields with grain), one folder. */
export function watchImages(count) {
  return cachedTree('watch', count, async (dir, n) => {
    let bytes = 0;
    await pool(n, 2 * availableParallelism(), async (i) => {
      const random = prng(1_000_003 + i);
      const small = Buffer.alloc(16 * 12 * 3);
      for (let p = 0; p < small.length; p++) small[p] = random() * 255;
      const smooth = await sharp(small, { raw: { width: 16, height: 12, channels: 3 } })
        .resize(800, 600, { kernel: 'cubic' })
        .raw()
        .toBuffer();
      for (let p = 0; p < smooth.length; p += 7)
        smooth[p] = Math.min(255, smooth[p] + random() * 24);
      const info = await sharp(smooth, { raw: { width: 800, height: 600, channels: 3 } })
        .jpeg({ quality: 88 })
        .toFile(join(dir, `photo-${String(i).padStart(4, '0')}.jpg`));
      bytes += info.size;
    });
    return { files: n, bytes };
  });
}
