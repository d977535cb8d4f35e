import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (where package.json and out/ live). */
export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The built command line (electron-vite's second main entry). */
export const cliPath = path.join(repoRoot, 'out', 'main', 'cli.js');

/** The built Electron main script. */
export const electronMainPath = path.join(repoRoot, 'out', 'main', 'index.js');
