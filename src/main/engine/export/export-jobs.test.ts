// Exports as durable jobs across real processes: the row's lease locks the pack folder
// against a second export from another process, `packshot jobs` shows another process's
// job, and an export whose process was killed is finished by the next engine that starts.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportSummary, PackManifest } from '../../../shared/export-dto';
import type { JobInfo } from '../../../shared/job-dto';
import { invoke } from '../../hosts/dispatch';
import { productShot } from '../../test-support/product-shots';
import { packshotBin, runPackshot } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { createEngine, type Engine } from '../create-engine';

const PRODUCTS = 16;
const CHANNELS = 'shopify,ebay';

let dataDir: string;
let photos: string;
const dirs: string[] = [];
const children: ChildProcess[] = [];
const engines: Engine[] = [];

beforeAll(async () => {
  dataDir = await tempDir('jobs-export-data');
  photos = await tempDir('jobs-export-photos');
  dirs.push(dataDir, photos);
  for (let i = 0; i < PRODUCTS; i++) {
    const shot = await productShot('white', i, { width: 1400, height: 1100 });
    await writeFile(join(photos, `shot-${i}.jpg`), shot.data);
  }
  expect(runPackshot(dataDir, ['catalog', 'add', photos]).status).toBe(0);
  expect(runPackshot(dataDir, ['scan']).status).toBe(0);
  const listed = runPackshot(dataDir, ['assets', '--json']).stdout;
  const assets = JSON.parse(listed) as { id: number; path: string }[];
  seedProducts(
    dataDir,
    assets.map((a) => ({
      sku: `SKU-${/shot-(\d+)/.exec(a.path)?.[1]}`,
      links: [{ assetId: a.id, role: 'main' as const }],
    })),
  );
}, 600_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const engine of engines) await engine.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function open(resumeJobs: boolean): Engine {
  const engine = createEngine({ dataDir, concurrency: 1, resumeJobs });
  engines.push(engine);
  return engine;
}

/** `packshot export` in its own process, as a user runs it. */
function exportInChild(out: string): ChildProcess {
  const args = [packshotBin, '--data', dataDir, 'export', '--channel', CHANNELS, '--out', out];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PACKSHOT_DATA: '' },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

async function until<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let waited = 0; waited < 120_000; waited += 20) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Stops the child (SIGSTOP) where it holds no SQLite write lock: stopped inside one of its
 * short write transactions (a progress line, a usage row), it would hold the library's lock
 * for as long as it stays stopped, and this engine's own writes would time out on it.
 */
async function stopOutsideWrite(child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    child.kill('SIGSTOP');
    const probe = new Database(join(dataDir, 'packshot.db'), { timeout: 0 });
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return;
    } catch {
      child.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 10));
    } finally {
      probe.close();
    }
  }
  throw new Error('the exporting process kept the library locked');
}

async function jpegs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith('.jpg')).map((e) => e.name);
}

it('refuses a second export into a folder another process is exporting to', async () => {
  const out = await tempDir('jobs-export-locked');
  dirs.push(out);
  const engine = open(false);
  const child = exportInChild(out);
  const job = await until(async () => {
    const jobs = await invoke(engine.handlers, 'jobs.list', { state: ['running'] });
    return jobs.find((j) => j.name === 'export' && j.ownerPid === child.pid);
  }, 'the other process to start its export');
  // Hold it mid-run: alive, with its lease, however fast this machine is.
  await stopOutsideWrite(child);
  try {
    expect(job).toMatchObject({ owner: 'other', state: 'running' });
    await expect(
      invoke(engine.handlers, 'exports.start', { channels: CHANNELS.split(','), out }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // A dry run writes nothing: it needs no lock.
    const dry = await invoke(engine.handlers, 'exports.start', {
      channels: ['shopify'],
      out,
      dryRun: true,
    });
    expect((await invoke(engine.handlers, 'exports.wait', { jobId: dry.jobId })).state).toBe(
      'done',
    );

    // The command line lists the job the other process runs.
    const listed = runPackshot(dataDir, ['jobs', '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as JobInfo[];
    expect(rows.find((r) => r.id === job.id)).toMatchObject({
      name: 'export',
      state: 'running',
      owner: 'other',
      ownerPid: child.pid,
    });
    expect(runPackshot(dataDir, ['jobs']).stdout).toMatch(
      new RegExp(`^${job.id}\\s+running\\s+Export to .*\\(process ${child.pid}\\)$`, 'm'),
    );
  } finally {
    child.kill('SIGCONT');
  }
  expect(await exited(child)).toBe(0);
  const done = await invoke(engine.handlers, 'exports.wait', { jobId: String(job.id) });
  expect(done).toMatchObject({ state: 'done', rendered: PRODUCTS * 2 });
});

it('finishes an export whose process was killed, from its journal, in the next engine', async () => {
  const out = await tempDir('jobs-export-resumed');
  dirs.push(out);
  const child = exportInChild(out);
  await until(async () => ((await jpegs(out)).length >= 4 ? true : undefined), 'files to land');
  child.kill('SIGKILL');
  await exited(child);
  const landed = (await jpegs(out)).length;
  expect(landed, 'the export finished before it could be killed').toBeLessThan(PRODUCTS * 2);

  // A one-shot engine leaves the dead process's row alone…
  const bystander = open(false);
  const [row] = await invoke(bystander.handlers, 'jobs.list', { state: ['running'] });
  expect(row).toMatchObject({ name: 'export', owner: 'other', attempts: 1 });
  if (!row) return;
  // …an engine that resumes jobs takes it over and finishes it.
  const heir = open(true);
  const summary: ExportSummary = await invoke(heir.handlers, 'exports.wait', {
    jobId: String(row.id),
  });
  expect(summary).toMatchObject({ state: 'done', unchanged: landed });
  expect(summary.rendered).toBe(PRODUCTS * 2 - landed);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
  expect(manifest.files).toHaveLength(PRODUCTS * 2);
  // By id: a resuming engine also queues its own jobs (the daily rights notices).
  const after = (await invoke(heir.handlers, 'jobs.list', {})).find((j) => j.id === row.id);
  expect(after).toMatchObject({ id: row.id, state: 'done', attempts: 2 });
});
