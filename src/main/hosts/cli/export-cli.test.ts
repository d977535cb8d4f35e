// `packshot export` and `packshot check` with --query, run as a user runs them: the search
// language of `assets --query`, and its caret error with exit code 2.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackManifest } from '../../../shared/export-dto';
import { runPackshot, type CliRun } from '../../test-support/run-cli';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';

let dataDir: string;
let photos: string;
let out: string;

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

beforeAll(async () => {
  dataDir = await tempDir('cli-export-data');
  photos = await tempDir('cli-export-photos');
  out = await tempDir('cli-export-out');
  for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg'].entries())
    await writeFile(join(photos, name), await makeImage(200, 200, 'jpeg', i + 1));
  expect(packshot('catalog', 'add', photos).status).toBe(0);
  const rows = JSON.parse(packshot('assets', '--json').stdout) as { id: number; path: string }[];
  const id = (name: string) => rows.find((r) => r.path.endsWith(name))?.id ?? 0;
  seedProducts(dataDir, [
    { sku: 'SHOT-A', name: 'Runner', links: [{ assetId: id('a.jpg'), role: 'main' }] },
    { sku: 'SHOT-B', name: 'Trail', links: [{ assetId: id('b.jpg'), role: 'main' }] },
    { sku: 'SHOT-C', name: 'Boot', links: [{ assetId: id('c.jpg'), role: 'main' }] },
    { sku: 'SHOT-D', name: 'Lamp', links: [] },
  ]);
}, 300_000);

afterAll(async () => {
  for (const dir of [dataDir, photos, out]) await rm(dir, { recursive: true, force: true });
});

describe('packshot export and check --query', () => {
  it("exports both products' files and nothing else for 'sku:SHOT-A OR sku:SHOT-B'", async () => {
    const run = packshot(
      'export',
      '--channel',
      'shopify',
      '--query',
      'sku:SHOT-A OR sku:SHOT-B',
      '--out',
      out,
      '--json',
    );
    expect(run.status).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
    expect(manifest.files.map((f) => f.file).sort()).toEqual([
      'shopify/SHOT-A/SHOT-A-1.jpg',
      'shopify/SHOT-B/SHOT-B-1.jpg',
    ]);
  });

  it('checks the products a query selects, files or none', () => {
    const run = packshot('check', '--channel', 'shopify', '--query', 'boot OR lamp', '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { products: number; items: { sku: string }[] };
    expect(report.products).toBe(2);
    expect([...new Set(report.items.map((i) => i.sku))].sort()).toEqual(['SHOT-C', 'SHOT-D']);
  });

  it('refuses a bad query with exit code 2 and the caret of assets --query', () => {
    const query = 'sku:SHOT-A OR';
    const assets = packshot('assets', '--json', '--query', query);
    expect(assets.status).toBe(2);
    expect(assets.stderr).toBe(
      `packshot: OR needs a term after it (at column 14)\n  ${query}\n  ${' '.repeat(13)}^\n`,
    );
    const check = packshot('check', '--channel', 'shopify', '--query', query);
    const exported = packshot('export', '--channel', 'shopify', '--query', query, '--out', out);
    for (const run of [check, exported]) {
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(assets.stderr);
      expect(run.stdout).toBe('');
    }
  });
});
