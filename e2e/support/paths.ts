import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (where package.json and out/ live). */
export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The built command line (its CommonJS entry sizes the thread pool, then loads cli.js). */
export const cliPath = path.join(repoRoot, 'out', 'main', 'cli.cjs');

/** The built Electron main script. */
export const electronMainPath = path.join(repoRoot, 'out', 'main', 'index.cjs');
