// A pure-white backdrop decided when the pack is planned: indexing stores whether the
// thumbnail's border is pure white; a studio shot on pure white then skips the
// white-background pass with no decode (same bytes as the pass leaving it alone), one on a
// near-white backdrop still gets it, and a library indexed before the measurement (NULL)
// decodes and looks at render, as before, writing the same file.
import Database from 'better-sqlite3';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestFile, PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { colouredProductShot, pureWhiteShotJpeg } from '../../test-support/studio-shots';

let h: Harness;
const ids = new Map<string, number>();

function column(sql: string, ...params: unknown[]): unknown[] {
  const db = new Database(join(h.dataDir, 'packshot.db'));
  try {
    db.pragma('busy_timeout = 5000');
    return db
      .prepare(sql)
      .raw()
      .all(...params)
      .map((r) => (r as unknown[])[0]);
  } finally {
    db.close();
  }
}

async function exportPack(): Promise<Map<string, ManifestFile>> {
  const out = await tempDir('pure-white-pack');
  const job = await h.call('exports.start', { channels: ['amazon-main'], query: 'PW-', out });
  const summary = await h.call('exports.wait', { jobId: job.jobId });
  expect(summary.failed).toBe(0);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
  return new Map(manifest.files.map((f) => [f.sku, f]));
}

beforeAll(async () => {
  h = await startHarness();
  const catalog = await tempDir('pure-white');
  await writeFile(join(catalog, 'pure.jpg'), await pureWhiteShotJpeg());
  const near = colouredProductShot(1200, 900, { backdrop: 251, vignette: 6 });
  const raw = { width: near.width, height: near.height, channels: near.channels };
  await writeFile(join(catalog, 'near.png'), await sharp(near.data, { raw }).png().toBuffer());
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) ids.set(a.name.split('.')[0] ?? '', a.id);
  seedProducts(
    h.dataDir,
    ['pure', 'near'].map((name) => ({
      sku: `PW-${name}`,
      links: [{ assetId: ids.get(name) ?? 0, role: 'main' as const }],
    })),
  );
}, 120_000);

afterAll(async () => {
  await h.dispose();
});

describe('a pure-white backdrop decided at plan time', () => {
  it('is measured by indexing: pure white all round, or not', () => {
    const pure = (name: string) =>
      column('SELECT pure_white_border FROM assets WHERE id = ?', ids.get(name))[0];
    expect(pure('pure')).toBe(1);
    expect(pure('near')).toBe(0);
  });

  it('skips the pass on pure white, keeps it on near white; an older index writes the same file', async () => {
    const report = await h.call('exports.check', { channels: ['amazon-main'], query: 'PW-' });
    const finding = (sku: string) =>
      report.items.find((i) => i.sku === sku)?.checks.find((c) => c.check === 'white-background');
    // Near white is cleaned (and says so); pure white passes as it is.
    expect(finding('PW-near')?.reason).toMatch(/background made pure white/);
    expect(finding('PW-pure')?.level ?? 'pass').toBe('pass');
    expect(finding('PW-pure')?.reason ?? '').not.toMatch(/made pure white/);

    const measured = await exportPack();
    // An index from before the measurement: the render decodes the source and finds its
    // border pure white itself.
    column('UPDATE assets SET pure_white_border = NULL RETURNING id');
    const older = await exportPack();

    const [a, b] = [measured.get('PW-pure'), older.get('PW-pure')];
    expect(a?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a?.sha256).toBe(b?.sha256); // the same bytes, with or without the decode
    expect(a?.renderKey).not.toBe(b?.renderKey); // the pass is in the older key only
    // Near white: the pass runs either way, the same key and bytes.
    expect(measured.get('PW-near')?.renderKey).toBe(older.get('PW-near')?.renderKey);
    expect(measured.get('PW-near')?.sha256).toBe(older.get('PW-near')?.sha256);
  }, 120_000);
});
