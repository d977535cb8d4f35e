// `packshot rights set|list`, `release add`, `approval set`, and `check` / `export`
// reporting rights blocks (with --approved-only and --territory), run as a user runs them.
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../shared/export-dto';
import type { LicenceSummary } from '../../../shared/methods/licences-methods';
import { runPackshot, type CliRun } from '../../test-support/run-cli';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';

let dataDir: string;
let photos: string;
let out: string;

const packshot = (...args: string[]): CliRun => runPackshot(dataDir, args);
const json = <T>(run: CliRun): T => {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

beforeAll(async () => {
  dataDir = await tempDir('cli-rights-data');
  photos = await tempDir('cli-rights-photos');
  out = await tempDir('cli-rights-out');
  await writeFile(join(photos, 'a.jpg'), await makeImage(300, 300, 'jpeg', 1));
  await writeFile(join(photos, 'b.jpg'), await makeImage(300, 300, 'jpeg', 2));
  await writeFile(join(photos, 'release.pdf'), '%PDF-1.4\n');
  expect(packshot('catalog', 'add', photos).status).toBe(0);
  const rows = json<{ id: number; path: string }[]>(packshot('assets', '--json'));
  const id = (name: string) => rows.find((r) => r.path.endsWith(name))?.id ?? 0;
  seedProducts(dataDir, [
    { sku: 'A', links: [{ assetId: id('a.jpg'), role: 'main' }] },
    { sku: 'B', links: [{ assetId: id('b.jpg'), role: 'main' }] },
  ]);
}, 300_000);

afterAll(async () => {
  for (const dir of [dataDir, photos, out]) await rm(dir, { recursive: true, force: true });
});

describe('packshot rights, release, approval', () => {
  it('sets and lists licences', () => {
    const set = json<{ assets: number; attached: number }>(
      packshot(
        ...['rights', 'set', '--query', 'name:a.jpg', '--licensor', 'Getty'],
        ...['--type', 'editorial', '--ends', '2020-01-01', '--channels', 'web,shopify'],
        ...['--territories', 'de,fr', '--credit', '© Getty', '--json'],
      ),
    );
    expect(set).toMatchObject({ assets: 1, attached: 1 });
    json(
      packshot(
        'rights',
        'set',
        '--query',
        'name:b.jpg',
        '--licensor',
        'Studio',
        '--type',
        'owned',
        '--json',
      ),
    );
    const all = json<LicenceSummary[]>(packshot('rights', 'list', '--json'));
    expect(all.map((l) => [l.name, l.status, l.assets])).toEqual([
      ['Getty, editorial until 2020-01-01', 'expired', 1],
      ['Studio, owned', 'active', 1],
    ]);
    expect(all[0]).toMatchObject({
      channels: ['web', 'shopify'],
      territoriesMode: 'include',
      territories: ['DE', 'FR'],
      creditLine: '© Getty',
      creditRequired: true,
    });
    const expiring = json<LicenceSummary[]>(
      packshot('rights', 'list', '--expiring', '30', '--json'),
    );
    expect(expiring.map((l) => l.licensor)).toEqual(['Getty']);
  });

  it('adds a release and records an approval', () => {
    const release = json<{ attached: number }>(
      packshot(
        ...['release', 'add', '--query', 'name:b.jpg', '--kind', 'model'],
        ...['--signed', '2026-01-01', '--file', join(photos, 'release.pdf'), '--json'],
      ),
    );
    expect(release.attached).toBe(1);
    const approval = json<{ changed: number; who: string }>(
      packshot(
        'approval',
        'set',
        'approved',
        '--query',
        'name:b.jpg',
        '--comment',
        'ok',
        '--who',
        'Mia',
        '--json',
      ),
    );
    expect(approval).toEqual({ changed: 1, skipped: 0, who: 'Mia' });
  });

  it('check and export report rights blocks; --approved-only', async () => {
    const check = packshot('check', '--channel', 'web', '--approved-only');
    expect(check.status).toBe(0);
    const lines = check.stdout.split('\n');
    const a = lines.find((l) => l.startsWith('FAIL\tweb\tA\t'));
    expect(a).toContain('licence “Getty, editorial until 2020-01-01” ended on 2020-01-01');
    expect(a).toContain('not approved (draft)');
    expect(lines.some((l) => l.includes('\tB\t'))).toBe(false);

    const summary = json<ExportSummary>(
      packshot('export', '--channel', 'web', '--out', out, '--approved-only', '--json'),
    );
    expect(summary.errors.map((e) => [e.sku, e.reason.startsWith('blocked by rights: ')])).toEqual(
      Array.from({ length: summary.errors.length }, () => ['A', true]),
    );
    expect(summary.errors.length).toBeGreaterThan(0);
    const files = await readdir(join(out, 'web'));
    expect(files).toEqual(['B']);
  });

  it('refuses a bad state, a bad type and a missing query with exit code 2', () => {
    expect(packshot('approval', 'set', 'maybe', '--query', 'a').status).toBe(2);
    const bad = packshot('rights', 'set', '--query', 'a', '--licensor', 'X', '--type', 'bogus');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/type/);
    expect(packshot('release', 'add', '--kind', 'model', '--signed', '2026-01-01').status).toBe(2);
  });

  it('excludes territories (UK read as GB, with a note), checks --territory, refuses unknown codes', () => {
    const set = packshot(
      ...['rights', 'set', '--query', 'name:b.jpg', '--licensor', 'Studio', '--type', 'owned'],
      ...['--exclude-territories', 'de,uk', '--channels', 'web,amazn', '--json'],
    );
    expect(set.status, set.stderr).toBe(0);
    expect(set.stderr).toContain('note: UK is read as GB (ISO 3166-1)');
    expect(set.stderr).toContain("warning: no preset has the channel 'amazn'");
    const listed = json<LicenceSummary[]>(packshot('rights', 'list', '--json'));
    expect(listed.find((l) => l.assets === 1 && l.licensor === 'Studio')).toMatchObject({
      territoriesMode: 'exclude',
      territories: ['DE', 'GB'],
    });
    const inGermany = packshot('check', '--channel', 'web', '--territory', 'DE');
    expect(inGermany.status).toBe(0);
    expect(inGermany.stdout).toMatch(/FAIL\tweb\tB\t.*excludes DE/);
    const inFrance = packshot('check', '--channel', 'web', '--territory', 'fr');
    expect(inFrance.stdout).not.toMatch(/excludes/);
    const bad = packshot('check', '--channel', 'web', '--territory', 'XX');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'XX' is not an ISO 3166-1 alpha-2 territory code");
    const both = packshot(
      ...['rights', 'set', '--query', 'name:b.jpg', '--licensor', 'S', '--type', 'owned'],
      ...['--territories', 'DE', '--exclude-territories', 'FR'],
    );
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('not both');
  });
});
