#!/usr/bin/env node
// Release check: crash at any point, widely. Runs src/main/engine/faults/crash-at-any-point.test.ts
// in its wide mode: for each scenario (scan, tag, products import, link rules, xmp sidecar,
// xmp embedded, export, export with a changed CSV) a clean run counts how often each fault point is reached, then the
// command is killed (SIGKILL) at every point × every hit, recovered and checked; --timed adds
// kills at random moments, for what no named point covers. `npm test` runs a few points only.
//
//   node scripts/fault-injection.mjs                     every point × every hit
//   node scripts/fault-injection.mjs --scenario export   one scenario
//   node scripts/fault-injection.mjs --max-hits 3        the first 3 hits of each point
//   node scripts/fault-injection.mjs --timed 20          and 20 timed kills per scenario
//
// Prints one line per kill (ok/FAIL and what failed); exit code 1 if any failed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    'max-hits': { type: 'string' },
    timed: { type: 'string', default: '0' },
  },
});

const env = {
  ...process.env,
  PACKSHOT_FAULTS: 'wide',
  PACKSHOT_FAULTS_SCENARIO: values.scenario ?? '',
  PACKSHOT_FAULTS_MAX_HITS: values['max-hits'] ?? '',
  PACKSHOT_FAULTS_TIMED: values.timed,
};
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', 'src/main/engine/faults/crash-at-any-point.test.ts', '--reporter=verbose'],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
