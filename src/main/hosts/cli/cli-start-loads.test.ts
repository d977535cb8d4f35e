// What a command loads: the packages it does not use stay unloaded (each cost CPU at every
// start; README "Benchmarks", the no-op re-export), and one that needs them still loads
// them. The real command line runs with a preload that lists, as the process exits, every
// package in require's cache (the ES module engine's CommonJS imports land there too).
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packshotBin, runPackshot } from '../../test-support/run-cli';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';

const HOOK = String.raw`process.on('exit', () => {
  const seen = new Set();
  for (const key of Object.keys(require.cache)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(key.replace(/\\/g, '/'));
    if (m) seen.add(m[1]);
  }
  process.stderr.write('\nLOADED ' + JSON.stringify([...seen].sort()) + '\n');
});
`;

/** Packages the engine takes on first use only (tools/lazy-module.ts, sharp-lib.ts, glTF). */
const ON_FIRST_USE = [
  'onnxruntime-node',
  '@huggingface/tokenizers',
  'tesseract.js',
  'exifr',
  'csv-parse',
  'fflate',
  'draco3dgltf',
  '@gltf-transform/core',
  'sharp',
];

let dataDir: string;
let photos: string;
let out: string;
let hook: string;

/** The command's exit status and the packages it had loaded when it exited. */
function loadedBy(args: string[]): { status: number | null; loaded: string[] } {
  const run = spawnSync(
    process.execPath,
    ['--require', hook, packshotBin, '--data', dataDir, ...args],
    { encoding: 'utf8', env: { ...process.env, PACKSHOT_DATA: '' }, timeout: 240_000 },
  );
  const line = /^LOADED (.*)$/m.exec(run.stderr)?.[1];
  return { status: run.status, loaded: line ? (JSON.parse(line) as string[]) : [] };
}

beforeAll(async () => {
  dataDir = await tempDir('cli-loads-data');
  photos = await tempDir('cli-loads-photos');
  out = await tempDir('cli-loads-out');
  hook = join(out, '..', `${Math.random().toString(36).slice(2)}-loaded-hook.cjs`);
  await writeFile(hook, HOOK);
  await writeFile(join(photos, 'a.jpg'), await makeImage(200, 200, 'jpeg', 1));
  expect(runPackshot(dataDir, ['catalog', 'add', photos]).status).toBe(0);
  const rows = JSON.parse(runPackshot(dataDir, ['assets', '--json']).stdout) as { id: number }[];
  seedProducts(dataDir, [
    { sku: 'LOAD-A', name: 'Runner', links: [{ assetId: rows[0]?.id ?? 0, role: 'main' }] },
  ]);
}, 300_000);

afterAll(async () => {
  for (const p of [dataDir, photos, out, hook]) await rm(p, { recursive: true, force: true });
});

describe('what a command loads', () => {
  it('loads none of the packages it does not use (presets list)', () => {
    const run = loadedBy(['presets', 'list', '--json']);
    expect(run.status).toBe(0);
    expect(run.loaded).toContain('better-sqlite3'); // the preload sees the engine's packages
    expect(run.loaded.filter((p) => ON_FIRST_USE.includes(p))).toEqual([]);
  });

  it('loads sharp to export, and neither sharp nor the others when nothing changed', () => {
    const first = loadedBy(['export', '--channel', 'shopify', '--out', out, '--json']);
    expect(first.status).toBe(0);
    expect(first.loaded).toContain('sharp');
    const again = loadedBy(['export', '--channel', 'shopify', '--out', out, '--json']);
    expect(again.status).toBe(0);
    expect(again.loaded.filter((p) => ON_FIRST_USE.includes(p))).toEqual([]);
  });

  it('loads csv-parse when a CSV is read', async () => {
    const csv = join(out, '..', `${Math.random().toString(36).slice(2)}-products.csv`);
    await writeFile(csv, 'SKU,Name\nLOAD-B,Lamp\n');
    try {
      const run = loadedBy(['products', 'import', csv, '--json']);
      expect(run.status).toBe(0);
      expect(run.loaded).toContain('csv-parse');
    } finally {
      await rm(csv, { force: true });
    }
  });
});
