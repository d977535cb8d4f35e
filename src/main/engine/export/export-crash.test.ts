// A process killed (SIGKILL) in the middle of an export, then run again: no partial file in
// view, files that landed are not written again, and the pack ends complete. The export
// runs in the real command line (bin/packshot.cjs builds the app first if it must).
import { spawn } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportSummary, PackManifest } from '../../../shared/export-dto';
import { productShot } from '../../test-support/product-shots';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { runPackshot, type CliRun, packshotBin } from '../../test-support/run-cli';
import { listFiles } from '../../test-support/list-files';

const PRODUCTS = 24;

let dataDir: string;
let photos: string;
let out: string;

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

beforeAll(async () => {
  dataDir = await tempDir('crash-data');
  photos = await tempDir('crash-photos');
  out = await tempDir('crash-pack');
  for (let i = 0; i < PRODUCTS; i++) {
    const shot = await productShot('white', i, { width: 1400, height: 1100 });
    await writeFile(join(photos, `shot-${i}.jpg`), shot.data);
  }
  expect(packshot('catalog', 'add', photos).status).toBe(0);
  expect(packshot('scan').status).toBe(0);
  const assets = JSON.parse(packshot('assets', '--json').stdout) as { id: number; path: string }[];
  seedProducts(
    dataDir,
    assets.map((a) => ({
      sku: `SKU-${/shot-(\d+)/.exec(a.path)?.[1]}`,
      links: [{ assetId: a.id, role: 'main' as const }],
    })),
  );
}, 600_000);

afterAll(async () => {
  for (const dir of [dataDir, photos, out]) await rm(dir, { recursive: true, force: true });
});

it('resumes after SIGKILL without partial files or rendering anything twice', async () => {
  const args = [
    packshotBin,
    '--data',
    dataDir,
    'export',
    '--channel',
    'shopify,ebay',
    '--out',
    out,
    '--json',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PACKSHOT_DATA: '' },
    stdio: 'ignore',
  });
  // Kill it once a few renditions have landed (and before it can finish).
  const landed = async () => (await listFiles(out)).filter((f) => f.endsWith('.jpg')).length;
  while ((await landed()) < 6 && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const before = await landed();
  expect(before, 'the export finished before it could be killed').toBeLessThan(PRODUCTS * 2);

  // Whatever is in view is whole: every image decodes to the end.
  const inView = (await listFiles(out)).filter((f) => f.endsWith('.jpg'));
  for (const f of inView) await sharp(join(out, f)).raw().toBuffer();
  const stamps = new Map<string, string>();
  for (const f of inView) {
    const s = await stat(join(out, f));
    stamps.set(f, `${s.ino}:${s.mtimeMs}:${s.size}`);
  }

  const rerun = packshot('export', '--channel', 'shopify,ebay', '--out', out, '--json');
  expect(rerun.status, rerun.stderr).toBe(0);
  const summary = JSON.parse(rerun.stdout) as ExportSummary;
  // Nothing rendered twice: what landed before the kill counts as unchanged.
  expect(summary.unchanged).toBe(inView.length);
  expect(summary.rendered).toBe(PRODUCTS * 2 - inView.length);
  for (const [f, stamp] of stamps) {
    const s = await stat(join(out, f));
    expect(`${s.ino}:${s.mtimeMs}:${s.size}`, f).toBe(stamp);
  }
  const all = await listFiles(out);
  expect(all.filter((f) => f.includes('.packshot-tmp'))).toEqual([]);
  expect(all).not.toContain('.packshot-journal.ndjson');
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
  expect(manifest.files).toHaveLength(PRODUCTS * 2);
  expect(all.filter((f) => f.endsWith('.jpg')).sort()).toEqual(
    manifest.files.map((f) => f.file).sort(),
  );
});
