// Territories, end to end through the validating edge: ISO codes only (UK read as GB), a
// licence that includes or excludes, a preset's territories and an export's `territory` in
// pre-flight and rights.check; channel ids no preset has warn; the audit rows of assign and
// approvals stay small.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';

let p: PhotoHarness;
let licenceId = 0;
const asset = () => p.id['a.jpg'] ?? 0;

beforeAll(async () => {
  p = await startWithPhotos('territories', ['a.jpg', 'b.jpg'], 5);
  seedProducts(p.h.dataDir, [{ sku: 'A', links: [{ assetId: asset(), role: 'main' }] }]);
  await p.h.call('presets.save', {
    id: 'eu',
    preset: tinyPreset({ name: 'EU shop', channel: 'tiny', territories: ['de', 'UK'] }),
  });
  ({ id: licenceId } = await p.h.call('licences.create', {
    name: 'Not in Britain',
    type: 'royalty-free',
    territoriesMode: 'exclude',
    territories: ['uk'],
  }));
  await p.h.call('licences.attach', { licenceId, assetIds: [asset()] });
});
afterAll(() => p.dispose());

const rightsFails = (report: {
  items: { assetId: number | null; checks: { check: string; level: string; reason: string }[] }[];
}) =>
  report.items
    .filter((i) => i.assetId !== null)
    .flatMap((i) => i.checks.filter((c) => c.check === 'rights' && c.level === 'fail'))
    .map((c) => c.reason);

describe('territories', () => {
  it('stores ISO codes: upper case, UK as GB, in presets and licences', async () => {
    const [l] = await p.h.call('licences.list', {});
    expect(l).toMatchObject({ territoriesMode: 'exclude', territories: ['GB'] });
    expect((await p.h.call('presets.get', { id: 'eu' })).territories).toEqual(['DE', 'GB']);
  });

  it('refuses a code that is not ISO 3166-1 alpha-2, everywhere it is taken', async () => {
    const iso = /not an ISO 3166-1 alpha-2 territory code/;
    await expect(
      p.h.call('licences.create', {
        name: 'x',
        type: 'owned',
        territoriesMode: 'include',
        territories: ['XX'],
      }),
    ).rejects.toThrow(iso);
    await expect(
      p.h.call('presets.save', { id: 'bad', preset: tinyPreset({ territories: ['EU'] }) }),
    ).rejects.toThrow(iso);
    await expect(p.h.call('exports.check', { channels: ['eu'], territory: 'ZZ' })).rejects.toThrow(
      iso,
    );
    await expect(
      p.h.call('rights.check', { assetIds: [asset()], territory: 'UKK' }),
    ).rejects.toThrow(iso);
  });

  it("pre-flight checks every territory of the preset, or the export's own", async () => {
    // The preset sells in DE and GB: the licence excludes GB.
    expect(rightsFails(await p.h.call('exports.check', { channels: ['eu'] }))).toEqual([
      'licence “Not in Britain” excludes GB',
    ]);
    // An export for France alone passes; one for the UK names GB.
    expect(
      rightsFails(await p.h.call('exports.check', { channels: ['eu'], territory: 'fr' })),
    ).toEqual([]);
    expect(
      rightsFails(await p.h.call('exports.check', { channels: ['eu'], territory: 'uk' })),
    ).toEqual(['licence “Not in Britain” excludes GB']);
    const [viaPreset] = await p.h.call('rights.check', { assetIds: [asset()], presetId: 'eu' });
    expect(viaPreset?.verdict).toBe('block');
    const [viaDe] = await p.h.call('rights.check', {
      assetIds: [asset()],
      presetId: 'eu',
      territory: 'DE',
    });
    expect(viaDe?.verdict).not.toBe('block');
  });

  it('warns of channel ids no preset has, and keeps the licence', async () => {
    const made = await p.h.call('licences.create', {
      name: 'Typo',
      type: 'owned',
      channels: ['tiny', 'amazn'],
    });
    expect(made.warnings).toEqual([expect.stringContaining("no preset has the channel 'amazn'")]);
    const fine = await p.h.call('licences.create', {
      name: 'Fine',
      type: 'owned',
      channels: ['amazon'],
    });
    expect(fine.warnings).toBeUndefined();
  });

  it('keeps the audit rows of assign and approvals small: ids and counts', async () => {
    const b = p.id['b.jpg'] ?? 0;
    await p.h.call('licences.attach', { licenceId, assetIds: [b] });
    const { licenceId: owned } = await p.h.call('licences.assign', {
      licence: { name: 'House', type: 'owned' },
      assetIds: [asset(), b],
    });
    const assign = (
      await p.h.call('auditEntries.list', { subject: { kind: 'licence', id: String(owned) } })
    ).find((e) => e.action === 'licence.assign');
    expect(assign).toMatchObject({
      action: 'licence.assign',
      before: { assets: 2, licences: { [licenceId]: 2 } },
    });
    await p.h.call('approvals.set', { state: 'approved', assetIds: [b], comment: null });
    const approval = (
      await p.h.call('auditEntries.list', { subject: { kind: 'asset', id: String(b) } })
    ).find((e) => e.action === 'approval.set');
    expect(approval).toMatchObject({ action: 'approval.set', before: { state: 'draft' } });
  });
});
