// Two exports into one folder at once: the app's engine and a real `packshot export` from
// another library (so the job registry's lock cannot see the first). The folder's lock file
// makes the second wait: both end with every file in the manifest, no temporary file, and
// a later export finds the pack whole.
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportProgress, ExportSummary, PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { productShot } from '../../test-support/product-shots';
import { runPackshot, packshotBin } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { LOCK_FILE } from './pack/pack-lock';
import { listFiles } from '../../test-support/list-files';

const PRODUCTS = 8;

let h: Harness;
let cliData: string;
let photos: string;
let out: string;

function seed(dataDir: string, assets: { id: number; path?: string; name?: string }[]): void {
  seedProducts(
    dataDir,
    assets.map((a) => ({
      sku: `SKU-${/shot-(\d+)/.exec(a.path ?? a.name ?? '')?.[1]}`,
      links: [{ assetId: a.id, role: 'main' as const }],
    })),
  );
}

beforeAll(async () => {
  photos = await tempDir('conc-photos');
  out = await tempDir('conc-pack');
  cliData = await tempDir('conc-cli');
  for (let i = 0; i < PRODUCTS; i++) {
    const shot = await productShot('white', i, { width: 1400, height: 1100 });
    await writeFile(join(photos, `shot-${i}.jpg`), shot.data);
  }
  h = await startHarness();
  await h.call('catalogs.add', { path: photos });
  await h.call('jobs.wait', {});
  seed(h.dataDir, await h.all());
  expect(runPackshot(cliData, ['catalog', 'add', photos]).status).toBe(0);
  expect(runPackshot(cliData, ['scan']).status).toBe(0);
  seed(
    cliData,
    JSON.parse(runPackshot(cliData, ['assets', '--json']).stdout) as { id: number; path: string }[],
  );
}, 600_000);

afterAll(async () => {
  await h.dispose();
  for (const dir of [cliData, photos, out]) await rm(dir, { recursive: true, force: true });
});

it('the command line and the app export into one folder at once: the app waits, both complete', async () => {
  // The command line starts first; the app starts once the command line holds the folder.
  const cli = spawn(
    process.execPath,
    [packshotBin, '--data', cliData, 'export', '--channel', 'ebay', '--out', out, '--json'],
    { env: { ...process.env, PACKSHOT_DATA: '' } },
  );
  let stdout = '';
  let stderr = '';
  cli.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const cliExit = new Promise<number | null>((r) => cli.once('exit', r));
  const locked = async (): Promise<boolean> =>
    (await readdir(out)).includes(LOCK_FILE) || cli.exitCode !== null;
  while (!(await locked())) await new Promise((r) => setTimeout(r, 5));

  const waits: string[] = [];
  const off = h.engine.subscribe((name, payload) => {
    const p = payload as ExportProgress;
    if (name === 'exports.progress' && p.current?.startsWith('waiting')) waits.push(p.current);
  });
  const app = await h.call('exports.start', { channels: ['shopify'], out });
  const appSummary = await h.call('exports.wait', { jobId: app.jobId });
  expect(await cliExit, stderr).toBe(0);
  off();
  const cliSummary = JSON.parse(stdout) as ExportSummary;
  expect(appSummary.state).toBe('done');
  expect(appSummary.failed + cliSummary.failed).toBe(0);
  expect(appSummary.rendered).toBe(PRODUCTS);
  expect(cliSummary.rendered).toBe(PRODUCTS);

  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
  const all = await listFiles(out);
  expect(manifest.files.map((f) => f.file).sort()).toEqual(all.filter((f) => f.endsWith('.jpg')));
  expect(manifest.files).toHaveLength(PRODUCTS * 2);
  expect(all.filter((f) => f.startsWith('.') || f.includes('/.'))).toEqual([]);
  expect(all).not.toContain(LOCK_FILE);
  expect(waits, 'the command line ended before the app began').toEqual([
    `waiting for another export (process ${cli.pid} on ${hostname()})`,
  ]);

  // A later export of both channels, from the app, finds every file its own and unchanged.
  const later = await h.call('exports.start', { channels: ['shopify', 'ebay'], out });
  const s = await h.call('exports.wait', { jobId: later.jobId });
  expect(s.failed).toBe(0);
  expect(s.errors).toEqual([]);
}, 600_000);
