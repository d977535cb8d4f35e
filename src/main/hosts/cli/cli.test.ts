// The real command line, run as a user runs it: `node bin/packshot.cjs …` (which builds
// the app first if the build is missing or stale).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSampleFolder, tempDir, type SampleFolder } from '../../test-support/sample-images';
import { runPackshot, type CliRun } from '../../test-support/run-cli';

let dataDir: string;
let photos: SampleFolder;

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

beforeAll(async () => {
  dataDir = await tempDir('cli-data');
  photos = await makeSampleFolder(await tempDir('cli-photos'));
}, 300_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(photos.dir, { recursive: true, force: true });
});

interface AssetRow {
  path: string;
  width: number | null;
  height: number | null;
  format: string | null;
  bytes: number;
  hash: string | null;
  state: string;
  thumbnail: string;
  error: string | null;
}

describe('packshot command line', () => {
  it('adds a folder, scans it to completion and lists every asset as JSON', () => {
    const add = packshot('catalog', 'add', photos.dir);
    expect(add.stderr).not.toMatch(/failed/);
    expect(add.status).toBe(0);
    expect(add.stdout).toContain(photos.dir);

    const scan = packshot('scan', '--json');
    expect(scan.status).toBe(0);
    const summary = JSON.parse(scan.stdout) as { assets: number; errors: number; seconds: number };
    expect(summary).toMatchObject({ assets: 9, errors: 3 });
    expect(summary.seconds).toBeGreaterThan(0);
    expect(scan.stderr).toMatch(/\] (\d+)\/\1 /); // the progress bar, finished

    const list = packshot('assets', '--json');
    expect(list.status).toBe(0);
    const assets = JSON.parse(list.stdout) as AssetRow[];
    expect(assets).toHaveLength(9);
    const jpeg = assets.find((a) => a.path === join(photos.dir, 'shoe-front.jpg'));
    expect(jpeg).toMatchObject({
      width: 640,
      height: 480,
      format: 'jpeg',
      state: 'ok',
      thumbnail: 'ready',
      error: null,
    });
    expect(jpeg?.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const bad of photos.bad) {
      const row = assets.find((a) => a.path === join(photos.dir, bad.name));
      expect(row?.state).toBe('error');
      expect(row?.error).toMatch(bad.reason);
    }

    const catalogs = packshot('catalog', 'list', '--json');
    expect(JSON.parse(catalogs.stdout)).toMatchObject([
      { path: photos.dir, assetCount: 9, errorCount: 3 },
    ]);
  });

  it('rescans unchanged files without reading them again', () => {
    const scan = packshot('scan', '--json');
    expect(scan.status).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({ assets: 9, errors: 3, rendered: 0 });
    expect(scan.stderr).not.toMatch(/\d+\/[1-9]/);
  });

  it('searches, rates and flags by query', () => {
    const found = packshot('assets', '--json', '--query', 'shoe format:jpeg');
    expect(found.status).toBe(0);
    expect((JSON.parse(found.stdout) as AssetRow[]).map((a) => a.path)).toEqual([
      join(photos.dir, 'shoe-front.jpg'),
    ]);

    const bad = packshot('assets', '--json', '--query', 'shoe (side');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/never closed/);

    expect(packshot('rate', '4', '--query', 'name:bag').stdout).toMatch(
      /Rate 4 stars \(1 asset\): 1 changed/,
    );
    expect(packshot('flag', 'pick', '--query', 'rating>=4').status).toBe(0);
    const picked = JSON.parse(
      packshot('assets', '--json', '--query', 'flag:pick').stdout,
    ) as AssetRow[];
    expect(picked.map((a) => a.path)).toEqual([join(photos.dir, 'bag.webp')]);
    expect(packshot('tag', 'add', 'Product|Bags', '--query', 'name:bag').stdout).toMatch(
      /Tag Product\|Bags \(1 asset\)/,
    );
    const tagged = JSON.parse(
      packshot('assets', '--json', '--query', 'tag:bags').stdout,
    ) as AssetRow[];
    expect(tagged.map((a) => a.path)).toEqual([join(photos.dir, 'bag.webp')]);
    expect(packshot('tag', 'remove', 'Product|Bags', '--query', 'tag:bags').status).toBe(0);
    expect(packshot('assets', '--json', '--query', 'tag:bags').stdout.trim()).toBe('[]');
    expect(packshot('rate', '9', '--query', '').status).toBe(2);
    expect(packshot('flag', 'pick').status).toBe(2);
  });

  it('exits 2 on a usage error and 1 on a failure, with a one-line message', () => {
    const unknown = packshot('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(packshot('catalog', 'remove', 'abc').status).toBe(2);
    expect(packshot('serve', '--port', 'nope').status).toBe(2);
    expect(packshot('--bogus-flag').status).toBe(2);

    const missing = packshot('catalog', 'add', join(photos.dir, 'no-such-folder'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^packshot: No such folder: .*no-such-folder\n$/);
    expect(packshot('catalog', 'remove', '999').status).toBe(1);
  });

  it('removes a catalog without touching its files', () => {
    const catalogs = JSON.parse(packshot('catalog', 'list', '--json').stdout) as { id: number }[];
    const remove = packshot('catalog', 'remove', String(catalogs[0]?.id));
    expect(remove.status).toBe(0);
    expect(JSON.parse(packshot('assets', '--json').stdout)).toEqual([]);
  });
});
