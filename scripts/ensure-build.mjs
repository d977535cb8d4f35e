// Builds the app (electron-vite) when out/ is missing or older than the sources.
// Shared by the `packshot` launcher and `npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Oldest of the build outputs; 0 when one is missing. */
function builtAt(root) {
  const outputs = [
    'out/main/cli.js',
    'out/main/cli.cjs',
    'out/main/index.js',
    'out/main/index.cjs',
    'out/main/model-worker.js',
    'out/main/ai-worker.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ];
  let oldest = Infinity;
  for (const rel of outputs) {
    const file = join(root, rel);
    if (!existsSync(file)) return 0;
    oldest = Math.min(oldest, statSync(file).mtimeMs);
  }
  return oldest;
}

export function needsBuild(root) {
  const built = builtAt(root);
  if (built === 0) return true;
  const src = join(root, 'src');
  if (!existsSync(src)) return false; // an installed package ships its build only
  const inputs = [src, join(root, 'electron.vite.config.ts'), join(root, 'package.json')];
  return Math.max(...inputs.filter((p) => existsSync(p)).map(newestMtime)) > built;
}

/** Returns true on success. Build chatter goes to stderr so JSON on stdout stays clean. */
export function ensureBuild(root) {
  if (!needsBuild(root)) return true;
  process.stderr.write('packshot: building the app first…\n');
  const viteBin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const built = spawnSync(process.execPath, [viteBin, 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0) process.stderr.write('packshot: the build failed (see above)\n');
  return built.status === 0;
}
