// The real command line, run as a user runs it: `node bin/packshot.cjs --data DIR …` (the
// launcher builds the app first when the build is missing or stale).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const packshotBin = join(repoRoot, 'bin', 'packshot.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end; PACKSHOT_DATA is cleared so only --data decides. */
export function runPackshot(dataDir: string, args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, [packshotBin, '--data', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACKSHOT_DATA: '' },
    timeout: 240_000,
    // Long listings (a paged audit log) outgrow the 1 MB default.
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Same as runPackshot, without blocking: for commands that run beside the engine or each other. */
export function spawnPackshot(dataDir: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [packshotBin, '--data', dataDir, ...args], {
      env: { ...process.env, PACKSHOT_DATA: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
