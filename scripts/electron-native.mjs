// Builds better-sqlite3 for Electron's ABI into build/electron-native/, beside (never over)
// the Node build in node_modules that tests and the CLI use. Needs the network once:
// a prebuilt binary, else Electron's headers for a compile.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const electronSqlite = join(root, 'build', 'electron-native', 'better_sqlite3.node');

export function buildElectronSqlite() {
  if (existsSync(electronSqlite)) return true;
  const version = electronVersion(root);
  const work = join(root, 'build', 'electron-native-src');
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const attempts = [
    [
      join(root, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime',
      'electron',
      '--target',
      version,
    ],
    [
      join(
        dirname(process.execPath),
        '..',
        'lib',
        'node_modules',
        'npm',
        'node_modules',
        'node-gyp',
        'bin',
        'node-gyp.js',
      ),
      'rebuild',
      '--release',
      `--target=${version}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
  ];
  for (const args of attempts) {
    if (!existsSync(args[0])) continue;
    const run = spawnSync(process.execPath, args, {
      cwd: work,
      stdio: 'inherit',
      timeout: 10 * 60_000,
    });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (run.status === 0 && existsSync(built)) {
      mkdirSync(dirname(electronSqlite), { recursive: true });
      copyFileSync(built, electronSqlite);
      rmSync(work, { recursive: true, force: true });
      return true;
    }
  }
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!buildElectronSqlite()) {
    console.error('packshot: could not build better-sqlite3 for Electron (no network?)');
    process.exit(1);
  }
  console.log(`packshot: Electron's better-sqlite3 is at ${electronSqlite}`);
}
