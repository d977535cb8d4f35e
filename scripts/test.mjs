#!/usr/bin/env node
// `npm test`: every check in one run, in order, going on after a failure:
//   types (the API client types the typecheck reads), build (electron-vite, the e2e needs
//   out/), typecheck, lint, format, unit (vitest), e2e (Playwright). Each runner's output
//   streams as it comes; the test runners also write JSON reports, from which the counts are
//   taken. types, build, typecheck, lint and format count as one check each. The last line of output is always `N passed, M failed, K skipped`.
//
//   node scripts/test.mjs              everything
//   node scripts/test.mjs lint unit    only the named steps (types build typecheck lint format unit e2e)
//
// Exit code: 1 if anything failed, else 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = path.join(root, 'test-results', 'reports');
const vitestJson = path.join(reportsDir, 'vitest.json');
const playwrightJson = path.join(reportsDir, 'playwright.json');

/** A locally installed tool's executable. */
function bin(name) {
  return path.join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? `${name}.cmd` : name,
  );
}

/** Electron's binary, found without triggering its lazy download (see e2e/support/electron.ts). */
function electronBinaryExists() {
  if (process.env.PACKSHOT_ELECTRON) return existsSync(process.env.PACKSHOT_ELECTRON);
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return existsSync(path.join(root, 'node_modules', 'electron', 'dist', relative));
}

function hasCommand(command) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  return dirs.some((dir) => dir && existsSync(path.join(dir, command)));
}

/** Playwright; under a virtual display when Electron can run but there is no display. */
function playwrightCommand() {
  const args = ['test'];
  const needsDisplay =
    process.platform === 'linux' && !process.env.DISPLAY && electronBinaryExists();
  if (needsDisplay && hasCommand('xvfb-run')) {
    return ['xvfb-run', ['-a', '--server-args=-screen 0 1920x1080x24', bin('playwright'), ...args]];
  }
  return [bin('playwright'), args];
}

const checkStep = (result) =>
  result.code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };

const steps = [
  {
    // A build output the typecheck reads: written afresh, so a changed schema cannot leave
    // the client types behind.
    name: 'types',
    title: 'npm run api:types (the API client types, from its OpenAPI document)',
    command: () => [process.execPath, [path.join(root, 'scripts/api-types/write-api-types.mjs')]],
    count: checkStep,
  },
  {
    name: 'build',
    title: 'electron-vite build',
    command: () => [bin('electron-vite'), ['build']],
    count: checkStep,
  },
  {
    name: 'typecheck',
    title: 'tsc -b (tsconfig.node.json + tsconfig.web.json)',
    command: () => [bin('tsc'), ['-b', '--pretty']],
    count: checkStep,
  },
  {
    name: 'lint',
    title: 'eslint .',
    command: () => [bin('eslint'), ['.']],
    count: checkStep,
  },
  {
    name: 'format',
    title: 'prettier --check .',
    command: () => [bin('prettier'), ['--check', '.']],
    count: checkStep,
  },
  {
    name: 'unit',
    title: 'vitest run',
    report: vitestJson,
    command: () => [
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    ],
    count: (result) => {
      const report = readJson(vitestJson);
      if (!report) return null;
      return {
        passed: report.numPassedTests ?? 0,
        failed: report.numFailedTests ?? 0,
        skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
        notes: result.code !== 0 && !report.numFailedTests ? ['vitest exited non-zero'] : [],
      };
    },
  },
  {
    name: 'e2e',
    title: 'playwright test',
    report: playwrightJson,
    env: { PACKSHOT_PLAYWRIGHT_JSON: playwrightJson },
    command: playwrightCommand,
    count: () => {
      const report = readJson(playwrightJson);
      if (!report?.stats) return null;
      const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = report.stats;
      const notes = [];
      if (flaky) notes.push(`${flaky} flaky (passed on retry)`);
      for (const [reason, n] of skipReasons(report)) notes.push(`${n} skipped: ${reason}`);
      const errors = report.errors?.length ?? 0;
      if (errors) notes.push(`${errors} error(s) outside tests`);
      return { passed: expected + flaky, failed: unexpected + errors, skipped, notes };
    },
  },
];

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** reason → how many tests, from Playwright's JSON report. */
function skipReasons(report) {
  const reasons = new Map();
  const visit = (suite) => {
    for (const child of suite.suites ?? []) visit(child);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const annotations = [
          ...(test.annotations ?? []),
          ...(test.results ?? []).flatMap((r) => r.annotations ?? []),
        ];
        const skip = annotations.find((a) => a.type === 'skip' && a.description);
        const reason = `${test.projectName ? `[${test.projectName}] ` : ''}${
          skip?.description ?? '(no reason given)'
        }`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
  };
  for (const suite of report.suites ?? []) visit(suite);
  return reasons;
}

function run([command, args], env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve({ code: 127 });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal }));
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((s) => s.name === name));
if (unknown.length) {
  console.error(
    `unknown step(s): ${unknown.join(', ')}; steps: ${steps.map((s) => s.name).join(' ')}`,
  );
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true; // the child gets the same signal; stop after it ends
});

mkdirSync(reportsDir, { recursive: true });
const results = [];
for (const step of steps) {
  if (wanted.length && !wanted.includes(step.name)) continue;
  if (interrupted) break;
  const command = step.command();
  console.log(`\n==> ${step.name}: ${step.title}\n`);
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  const result = await run(command, step.env);
  const seconds = (Date.now() - started) / 1000;
  let counts = step.count(result);
  if (!counts) {
    counts = { passed: 0, failed: 1, skipped: 0, notes: ['no report written: the runner failed'] };
  } else if (result.code !== 0 && counts.failed === 0) {
    // A runner that fails without a failing test (no tests found, a crash, a config error).
    counts = { ...counts, failed: 1, notes: [...(counts.notes ?? []), `exit code ${result.code}`] };
  }
  results.push({ step, counts, seconds, ok: result.code === 0 && counts.failed === 0 });
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n==> summary\n');
for (const { step, counts, seconds, ok } of results) {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  const figures = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  console.log(
    `  ${step.name.padEnd(10)} ${(ok ? 'ok' : 'FAILED').padEnd(7)} ${figures.padEnd(36)} ${seconds.toFixed(1).padStart(6)}s`,
  );
  for (const note of counts.notes ?? []) console.log(`  ${''.padEnd(18)} ${note}`);
}
if (interrupted) {
  console.log('\n  interrupted: later steps did not run');
  total.failed += 1;
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
