// `npm start`: build, then open the desktop app. Where Electron's binary cannot be had
// (no network, as on build machines), say so in one line and serve browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { buildElectronSqlite } from './electron-native.mjs';
import { ensureBuild } from './ensure-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!ensureBuild(root)) process.exit(1);

let binary = electronBinary(root);
if (!binary) {
  // Electron 45 fetches its binary on first launch; try once, briefly.
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = electronBinary(root);
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (binary && buildElectronSqlite()) {
  run(binary, ['.', ...process.argv.slice(2)]);
} else {
  console.log(
    binary
      ? 'packshot: could not build better-sqlite3 for Electron (no network?); serving the same UI in browser mode instead.'
      : "packshot: Electron's binary is not available (no network to download it); serving the same UI in browser mode instead.",
  );
  run(process.execPath, [join(root, 'bin', 'packshot.cjs'), 'serve', ...process.argv.slice(2)]);
}
