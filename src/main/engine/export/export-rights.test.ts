// Pre-flight uses the one rights check: a blocked image is not written (whatever the
// failure policy), its reasons are in the report, the summary and the manifest's errors;
// a preset can require approval, and approvedOnly requires it of every preset.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary, PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';

let h: Harness;
let catalog: string;
let out: string;
let ok = 0;
let expired = 0;

const run = async (extra: { approvedOnly?: boolean; failures?: 'warn' | 'skip' } = {}) => {
  const job = await h.call('exports.start', { channels: ['tiny'], out, ...extra });
  return h.call('exports.wait', { jobId: job.jobId });
};
const written = async (): Promise<string[]> =>
  (await readdir(join(out, 'tiny'), { recursive: true })).filter((f) => f.endsWith('.jpg')).sort();
const manifest = async (): Promise<PackManifest> =>
  JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
const blocked = (s: ExportSummary) => s.errors.filter((e) => e.reason.startsWith('blocked'));

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('rights-src');
  out = await tempDir('rights-out');
  await writeFile(join(catalog, 'ok.jpg'), await makeImage(400, 400, 'jpeg', 1));
  await writeFile(join(catalog, 'old.jpg'), await makeImage(400, 400, 'jpeg', 2));
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  ok = (await h.byName('ok.jpg')).id;
  expired = (await h.byName('old.jpg')).id;
  seedProducts(h.dataDir, [
    { sku: 'OK', links: [{ assetId: ok, role: 'main' }] },
    { sku: 'OLD', links: [{ assetId: expired, role: 'main' }] },
  ]);
  await h.call('presets.save', { id: 'tiny', preset: tinyPreset() });
  const { id: current } = await h.call('licences.create', { name: 'Current', type: 'owned' });
  const { id: old } = await h.call('licences.create', {
    name: 'Old contract',
    type: 'royalty-free',
    endsOn: '2020-12-31',
  });
  await h.call('licences.attach', { licenceId: current, assetIds: [ok] });
  await h.call('licences.attach', { licenceId: old, assetIds: [expired] });
}, 120_000);

afterAll(async () => {
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('export and rights', () => {
  it('pre-flight fails an expired licence with its reason', async () => {
    const report = await h.call('exports.check', { channels: ['tiny'] });
    const bySku = new Map(report.items.map((i) => [i.sku, i]));
    expect(bySku.get('OK')?.level).toBe('pass');
    expect(bySku.get('OLD')?.level).toBe('fail');
    expect(bySku.get('OLD')?.checks).toContainEqual({
      check: 'rights',
      level: 'fail',
      reason: 'licence “Old contract” ended on 2020-12-31',
    });
  });

  it('a blocked image is never written, even with failures: warn; the manifest says why', async () => {
    const summary = await run({ failures: 'warn' });
    expect(await written()).toEqual(['OK/OK-1.jpg']);
    expect(blocked(summary)).toEqual([
      expect.objectContaining({
        sku: 'OLD',
        assetId: expired,
        reason: 'blocked by rights: licence “Old contract” ended on 2020-12-31',
      }),
    ]);
    expect((await manifest()).errors).toEqual(summary.errors);
  });

  it('approvedOnly blocks what is not approved for its current content', async () => {
    await h.call('licences.assign', {
      licence: { name: 'New contract', type: 'owned' },
      assetIds: [expired],
    });
    const report = await h.call('exports.check', { channels: ['tiny'], approvedOnly: true });
    expect(report.items.map((i) => [i.sku, i.level]).sort()).toEqual([
      ['OK', 'fail'],
      ['OLD', 'fail'],
    ]);
    await h.call('approvals.set', { assetIds: [ok], state: 'approved', who: 'test' });
    const summary = await run({ approvedOnly: true });
    expect(blocked(summary).map((e) => e.sku)).toEqual(['OLD']);
    expect(await written()).toEqual(['OK/OK-1.jpg']);
  });

  it('a preset that requires approval blocks, and a clean run clears the manifest errors', async () => {
    await h.call('presets.save', { id: 'tiny', preset: tinyPreset({ requireApproval: true }) });
    expect(blocked(await run()).map((e) => e.sku)).toEqual(['OLD']);
    await h.call('approvals.set', { assetIds: [expired], state: 'approved', who: 'test' });
    const summary = await run();
    expect(summary.errors).toEqual([]);
    expect(await written()).toEqual(['OK/OK-1.jpg', 'OLD/OLD-1.jpg']);
    expect((await manifest()).errors).toEqual([]);
  });
});
