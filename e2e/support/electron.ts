// Finds the Electron binary WITHOUT triggering its lazy download: `require('electron')` (and
// Playwright's `_electron.launch()` without an executablePath) would try to fetch it from the
// internet on first use, which the build machines do not have.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export type ElectronBinary = { path: string; reason?: undefined } | { path: null; reason: string };

export function findElectronBinary(): ElectronBinary {
  const explicit = process.env.PACKSHOT_ELECTRON?.trim();
  if (explicit) {
    return existsSync(explicit)
      ? { path: explicit }
      : { path: null, reason: `PACKSHOT_ELECTRON=${explicit} does not exist` };
  }

  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) {
    return { path: null, reason: 'the electron package is not installed (node_modules/electron)' };
  }

  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  if (override) {
    const bin = path.join(override, relative ?? 'electron');
    return existsSync(bin)
      ? { path: bin }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${bin}` };
  }
  if (!relative) {
    return {
      path: null,
      reason:
        'Electron binary not installed (no network on this machine): ' +
        'node_modules/electron/path.txt is missing, the electron package downloads its binary ' +
        'on first launch. Set PACKSHOT_ELECTRON to a binary to run these tests.',
    };
  }
  const bin = path.join(pkgDir, 'dist', relative);
  return existsSync(bin)
    ? { path: bin }
    : {
        path: null,
        reason:
          `Electron binary not installed (no network on this machine): ${path.relative(repoRoot, bin)} ` +
          'does not exist. Set PACKSHOT_ELECTRON to a binary to run these tests.',
      };
}
