#!/usr/bin/env node
// Launcher for `npx packshot`: builds the app first when the build is missing or stale
// (a fresh clone after `npm install`), then runs the command line.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from '../scripts/ensure-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!ensureBuild(root)) process.exit(1);
await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
