// Intake rules and collections from the real command line (`node bin/packshot.cjs …`).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { runPackshot, type CliRun } from '../../test-support/run-cli';

let dataDir: string;
let photos: string;

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

beforeAll(async () => {
  dataDir = await tempDir('cli-organize-data');
  photos = await tempDir('cli-organize-photos');
  await mkdir(join(photos, 'Shoes'));
  await writeFile(join(photos, 'Shoes', 'ABC-1_01.jpg'), await makeImage(80, 60, 'jpeg', 1));
  await writeFile(join(photos, 'Shoes', 'holiday snap.jpg'), await makeImage(80, 60, 'jpeg', 2));
  expect(packshot('catalog', 'add', photos).status).toBe(0);
  expect(packshot('scan', '--json').status).toBe(0);
}, 300_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(photos, { recursive: true, force: true });
});

interface Row {
  path: string;
  keywords: string[];
}

describe('packshot catalog rules', () => {
  it('prints, sets and applies a catalog’s intake rules', async () => {
    const shown = packshot('catalog', 'rules', '1', '--json');
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ folders: { enabled: false }, naming: null });

    const file = join(dataDir, 'rules.json');
    await writeFile(
      file,
      JSON.stringify({
        folders: { enabled: true, parent: 'Folder' },
        filename: [{ pattern: '^(?<sku>[A-Z]+-\\d+)_' }],
        naming: { pattern: '[A-Z]+-\\d+_\\d{2}' },
      }),
    );
    const set = packshot('catalog', 'rules', '1', '--set', file, '--apply', '--json');
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    const out = JSON.parse(set.stdout) as {
      rules: { folders: { nested: boolean } };
      applied: { assets: number; violations: number; step: string };
    };
    expect(out.rules.folders.nested).toBe(false); // defaults filled in
    expect(out.applied).toMatchObject({ assets: 2, violations: 1 });

    const tagged = JSON.parse(packshot('assets', '--json', '--query', 'tag:SKU').stdout) as Row[];
    expect(tagged.map((a) => [a.path, a.keywords])).toEqual([
      [join(photos, 'Shoes', 'ABC-1_01.jpg'), ['Folder|Shoes', 'SKU|ABC-1']],
    ]);
    const bad = JSON.parse(packshot('assets', '--json', '--query', 'naming:bad').stdout) as Row[];
    expect(bad.map((a) => a.path)).toEqual([join(photos, 'Shoes', 'holiday snap.jpg')]);
  });

  it('refuses rules that are not JSON or hold an unsafe pattern, with exit 2', async () => {
    const file = join(dataDir, 'bad.json');
    await writeFile(file, JSON.stringify({ filename: [{ pattern: '(?<!x)(?<sku>a+)' }] }));
    const unsafe = packshot('catalog', 'rules', '1', '--set', file);
    expect(unsafe.status).toBe(2);
    expect(unsafe.stderr).toMatch(/Lookaround .* not supported: patterns run on a linear-time/);
    await writeFile(file, '{ nope');
    expect(packshot('catalog', 'rules', '1', '--set', file).status).toBe(2);
    expect(packshot('catalog', 'rules', 'x').status).toBe(2);
    expect(packshot('catalog', 'rules', '99').status).toBe(1);
  });
});

describe('packshot collections', () => {
  it('saves searches and manual collections and lists them with counts', () => {
    const saved = packshot('collections', 'save', 'Products', '--query', 'tag:SKU');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toMatch(/Saved search \d+: Products \(1 assets\)/);
    expect(packshot('collections', 'save', 'Lookbook').status).toBe(0);
    const list = packshot('collections', 'list', '--json');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { name: 'Lookbook', kind: 'manual', query: null, count: 0 },
      { name: 'Products', kind: 'smart', query: 'tag:SKU', count: 1 },
    ]);
    const text = packshot('collections', 'list');
    expect(text.stdout).toMatch(/\t1 assets\tProducts\t\(search: tag:SKU\)/);

    const bad = packshot('collections', 'save', 'Broken', '--query', 'red (shoe');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/never closed/);
    expect(packshot('collections', 'save').status).toBe(2);
    expect(packshot('collections', 'save', 'Products', '--query', 'x').status).toBe(1);
  });
});
