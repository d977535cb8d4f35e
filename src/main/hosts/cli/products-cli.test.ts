// `packshot products …` and `packshot link rules apply`, run as a user runs them.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { runPackshot, type CliRun, repoRoot } from '../../test-support/run-cli';

const fixtures = join(repoRoot, 'src', 'main', 'test-support', 'product-csv');

let dataDir: string;
let photos: string;

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

beforeAll(async () => {
  dataDir = await tempDir('cli-products-data');
  photos = await tempDir('cli-products-photos');
  await mkdir(join(photos, 'shoot'));
  const names = [
    'TEE-S-WHT_01.jpg',
    'TEE-S-WHT_02.jpg',
    'TEE-S-WHT_03_detail.jpg',
    'TOTE-01_1.png',
    'NOPE-9_01.jpg',
    'misc.jpg',
  ];
  for (const [i, name] of names.entries())
    await writeFile(
      join(photos, 'shoot', name),
      await makeImage(300, 300, name.endsWith('png') ? 'png' : 'jpeg', i + 1),
    );
}, 300_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(photos, { recursive: true, force: true });
});

interface ListedProduct {
  sku: string;
  name: string;
  parentSku: string | null;
  variants: string[];
  assets: Record<string, { id: number; path: string; state: string }[]>;
}

describe('packshot products and link rules', () => {
  it('imports a Shopify CSV, reports problems by line, and lists products as JSON', () => {
    const imported = packshot(
      'products',
      'import',
      join(fixtures, 'shopify-products.csv'),
      '--json',
    );
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
      problems: [],
    });

    const akeneo = packshot('products', 'import', join(fixtures, 'akeneo-products.csv'));
    expect(akeneo.status).toBe(0);
    expect(akeneo.stdout).toMatch(/^4 created, 0 updated, 0 unchanged, 5 problems\n/);
    expect(akeneo.stdout).toContain('  line 6: no SKU\n');

    const list = packshot('products', 'list', '--json');
    expect(list.status).toBe(0);
    const products = JSON.parse(list.stdout) as ListedProduct[];
    expect(products).toHaveLength(10);
    expect(products.find((p) => p.sku === 'classic-tee')).toMatchObject({
      name: 'Classic Tee',
      parentSku: null,
      variants: ['TEE-L-BLK', 'TEE-M-WHT', 'TEE-S-WHT'],
      assets: {},
    });
  });

  it('takes a column mapping as JSON and refuses a bad one', async () => {
    const csv = join(dataDir, 'mapped.csv');
    await writeFile(csv, 'Art.;Bezeichnung\nMUG-1;Becher\n');
    const ok = packshot(
      'products',
      'import',
      csv,
      '--map',
      '{"sku":"Art.","name":"Bezeichnung"}',
      '--json',
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ created: 1 });
    expect(packshot('products', 'import', csv, '--map', '{sku').status).toBe(2);
    const wrong = packshot('products', 'import', csv, '--map', '{"sku":"SKU"}');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/no column 'SKU'/);
    expect(packshot('products', 'frobnicate').status).toBe(2);
    expect(packshot('products', 'import', join(dataDir, 'none.csv')).status).toBe(1);
  });

  it('dry-runs and applies filename rules, then lists the links by role and order', () => {
    expect(packshot('catalog', 'add', photos).status).toBe(0);
    expect(packshot('scan').status).toBe(0);

    const dry = packshot('link', 'rules', 'apply', '--dry-run', '--json');
    expect(dry.status).toBe(0);
    const plan = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      links: { sku: string; role: string }[];
      unknownSku: unknown[];
      unmatched: number;
    };
    expect(plan.dryRun).toBe(true);
    expect(plan.links.map((l) => `${l.sku} ${l.role}`)).toEqual([
      'TEE-S-WHT detail',
      'TEE-S-WHT gallery',
      'TEE-S-WHT main',
      'TOTE-01 main',
    ]);
    expect(plan.unknownSku).toHaveLength(1);
    expect(plan.unmatched).toBe(1);
    const before = JSON.parse(packshot('products', 'list', '--json').stdout) as ListedProduct[];
    expect(before.every((p) => Object.keys(p.assets).length === 0)).toBe(true);

    const strict = packshot(
      'link',
      'rules',
      'apply',
      '--rule',
      String.raw`^(?<sku>[A-Z0-9-]+)_(?<position>\d)\.png$`,
      '--json',
    );
    expect(strict.status).toBe(0);
    expect(JSON.parse(strict.stdout)).toMatchObject({
      dryRun: false,
      changed: 1,
      step: 'Link 1 file by name',
    });

    const applied = packshot('link', 'rules', 'apply');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(
      /linked 3, 0 conflicts, 1 unknown SKUs, 1 names matched no rule\n$/,
    );

    const products = JSON.parse(packshot('products', 'list', '--json').stdout) as ListedProduct[];
    const tee = products.find((p) => p.sku === 'TEE-S-WHT');
    expect(tee?.assets).toEqual({
      main: [
        expect.objectContaining({ path: join(photos, 'shoot', 'TEE-S-WHT_01.jpg'), state: 'ok' }),
      ],
      gallery: [expect.objectContaining({ path: join(photos, 'shoot', 'TEE-S-WHT_02.jpg') })],
      detail: [expect.objectContaining({ path: join(photos, 'shoot', 'TEE-S-WHT_03_detail.jpg') })],
    });
    expect(products.find((p) => p.sku === 'TOTE-01')?.assets.main).toHaveLength(1);

    const unlinked = JSON.parse(packshot('assets', '--json', '--query', 'no:product').stdout) as {
      path: string;
    }[];
    expect(unlinked.map((a) => a.path).sort()).toEqual([
      join(photos, 'shoot', 'NOPE-9_01.jpg'),
      join(photos, 'shoot', 'misc.jpg'),
    ]);
    expect(packshot('link', 'rules', 'apply', '--rule', '(').status).toBe(2);
    expect(packshot('link', 'rules').status).toBe(2);
  });
});
