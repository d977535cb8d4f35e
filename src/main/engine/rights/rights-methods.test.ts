// The rights namespaces through the validating edge, on a real engine and library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { addDays } from './licence-dates';
import { today as localToday } from './licence-dates';

let p: PhotoHarness;
// The engine's day is the user's local day: the same here, or the tests fail in the evening
// west of UTC.
const today = localToday();

beforeAll(async () => {
  p = await startWithPhotos('rights', ['a.jpg', 'b.jpg', 'c.jpg'], 3);
});
afterAll(() => p.dispose());

const licence = {
  name: 'Shoot',
  licensor: 'Studio',
  type: 'royalty-free' as const,
  endsOn: addDays(today, 10),
  channels: ['amazon', 'shopify'],
};

describe('rights methods', () => {
  it('creates, attaches, lists and checks a licence', async () => {
    const { h, id } = p;
    const { id: lid } = await h.call('licences.create', licence);
    expect(await h.call('licences.attach', { licenceId: lid, query: 'a.jpg' })).toEqual({
      changed: 1,
    });
    const [listed] = await h.call('licences.list', { expiringDays: 30 });
    expect(listed).toMatchObject({ id: lid, assets: 1, status: 'expiring', warnDays: 30 });
    expect(await h.call('licences.list', { expiringDays: 5 })).toEqual([]);

    const checked = await h.call('rights.check', {
      assetIds: [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0],
      presetId: 'amazon-main',
    });
    expect(checked.map((c) => [c.verdict, c.reasons.map((r) => r.code)])).toEqual([
      ['warn', ['licence.expiring']],
      ['warn', ['licence.none']],
    ]);
    const etsy = await h.call('rights.check', { assetIds: [id['a.jpg'] ?? 0], channel: 'etsy' });
    expect(etsy[0]?.verdict).toBe('block');
  });

  it('assign: the assets hold exactly that licence afterwards, the same terms make one row', async () => {
    const { h, id } = p;
    const terms = { ...licence, name: 'Renewed', endsOn: addDays(today, 400) };
    const first = await h.call('licences.assign', { licence: terms, query: 'a.jpg OR b.jpg' });
    expect(first).toMatchObject({ assets: 2, attached: 2, detached: 1 });
    const again = await h.call('licences.assign', { licence: terms, query: 'a.jpg' });
    expect(again).toMatchObject({ licenceId: first.licenceId, attached: 0, detached: 0 });
    const rights = await h.call('rights.get', { id: id['a.jpg'] ?? 0 });
    expect(rights.licences.map((l) => l.name)).toEqual(['Renewed']);
  });

  it('refuses bad terms at the edge', async () => {
    const { h } = p;
    await expect(h.call('licences.create', { ...licence, startsOn: '2026-02-30' })).rejects.toThrow(
      /calendar day/,
    );
    await expect(
      h.call('licences.create', { ...licence, startsOn: '2027-01-01', endsOn: '2026-01-01' }),
    ).rejects.toThrow(/ends before it starts/);
    await expect(h.call('licences.attach', { licenceId: 1 })).rejects.toThrow(
      /assetIds or a query/,
    );
    // A month Date cannot make is a refusal like any other, not an internal RangeError.
    await expect(
      h.call('licences.create', { ...licence, endsOn: '2026-13-01' }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/calendar day/) as unknown,
    });
    // A rights edit names its assets once: both, or an empty query (every asset), are refused.
    await expect(
      h.call('licences.attach', { licenceId: 1, assetIds: [1], query: 'x' }),
    ).rejects.toThrow(/one of them/);
    await expect(h.call('licences.assign', { licence, query: '' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(
      h.call('licences.detach', { licenceId: 999, assetIds: [1] }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a release covers a person tagged People', async () => {
    const { h, id } = p;
    const c = id['c.jpg'] ?? 0;
    await h.call('tags.apply', { ids: [c], path: 'People|Ann' });
    const use = { assetIds: [c], channel: 'web', requireLicence: false };
    expect((await h.call('rights.check', use))[0]?.reasons.map((r) => r.code)).toContain(
      'release.missing',
    );
    const made = await h.call('releases.create', {
      kind: 'model',
      subject: 'Ann',
      signedOn: today,
      assetIds: [c],
    });
    expect(made.attached).toBe(1);
    expect((await h.call('rights.check', use))[0]?.reasons.map((r) => r.code)).toEqual([
      'licence.none',
    ]);
    expect((await h.call('releases.list', {}))[0]).toMatchObject({ kind: 'model', assets: 1 });
  });

  it('approvals: who is the preference, the history keeps every decision', async () => {
    const { h, id } = p;
    const b = id['b.jpg'] ?? 0;
    await h.call('approvals.setReviewer', { name: 'Mia' });
    await h.call('approvals.set', { assetIds: [b], state: 'rejected', comment: 'dust' });
    const set = await h.call('approvals.set', { assetIds: [b], state: 'approved' });
    expect(set).toEqual({ changed: 1, skipped: 0, who: 'Mia' });
    const history = await h.call('approvals.history', { assetId: b });
    expect(history.decisions.map((d) => [d.state, d.who, d.comment])).toEqual([
      ['approved', 'Mia', null],
      ['rejected', 'Mia', 'dust'],
    ]);
    expect((await h.call('rights.get', { id: b })).approval).toBe('approved');
    const gated = await h.call('rights.check', {
      assetIds: [b, id['a.jpg'] ?? 0],
      channel: 'shopify',
      requireApproval: true,
    });
    expect(gated.map((g) => g.reasons.some((r) => r.code === 'approval.required'))).toEqual([
      false,
      true,
    ]);
  });

  it('search terms: rights:, licence:, approval:', async () => {
    const { h, id } = p;
    const find = async (query: string): Promise<string[]> =>
      (await h.call('assets.list', { query })).items.map((a) => a.name).sort();
    const { id: old } = await h.call('licences.create', {
      name: 'Old Shoot',
      type: 'editorial',
      endsOn: addDays(today, -1),
    });
    await h.call('licences.attach', { licenceId: old, assetIds: [id['c.jpg'] ?? 0] });
    expect(await find('rights:expired')).toEqual(['c.jpg']);
    expect(await find('rights:expiring')).toEqual([]);
    expect(await find('rights:none')).toEqual([]);
    expect(await find('licence:"old shoot"')).toEqual(['c.jpg']);
    expect(await find('license:renewed')).toEqual(['a.jpg', 'b.jpg']);
    expect(await find('approval:approved')).toEqual(['b.jpg']);
    expect(await find('approval:draft')).toEqual(['a.jpg', 'c.jpg']);
    expect(await find('NOT approval:draft')).toEqual(['b.jpg']);
    // The last day with a one-day window is expiring (rights/licence-dates.ts); the terms'
    // parameters sit in order among the others.
    const { id: last } = await h.call('licences.create', {
      name: 'Last day',
      type: 'owned',
      endsOn: localToday(),
      warnDays: 1,
    });
    await h.call('licences.attach', { licenceId: last, assetIds: [id['a.jpg'] ?? 0] });
    expect(await find('rights:expiring')).toEqual(['a.jpg']);
    expect(await find('licence:"last day" rights:expiring')).toEqual(['a.jpg']);
    expect(await find('licence:renewed OR rights:expired')).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    await h.call('licences.delete', { id: last });
    await expect(find('rights:lapsed')).rejects.toThrow(/expired, expiring or none/);
    await expect(find('approval:ok')).rejects.toThrow(/approval: is draft/);
  });

  it('updates, detaches and deletes a licence; a deleted id is not reused', async () => {
    const { h, id } = p;
    const { id: lid } = await h.call('licences.create', { name: 'Temp', type: 'owned' });
    await h.call('licences.attach', { licenceId: lid, assetIds: [id['a.jpg'] ?? 0] });
    const updated = await h.call('licences.update', {
      id: lid,
      name: 'Temp',
      type: 'rights-managed',
      media: ['print'],
    });
    expect(updated).toMatchObject({ id: lid, type: 'rights-managed', media: ['print'] });
    const web = await h.call('rights.check', {
      assetIds: [id['a.jpg'] ?? 0],
      channel: 'shopify',
      medium: 'web',
    });
    expect(web[0]?.reasons.map((r) => r.code)).toContain('licence.medium');
    expect(
      await h.call('licences.detach', { licenceId: lid, assetIds: [id['a.jpg'] ?? 0] }),
    ).toEqual({ changed: 1 });
    expect(await h.call('licences.delete', { id: lid })).toEqual({ deleted: true });
    await expect(h.call('licences.update', { id: lid, name: 'X', type: 'owned' })).rejects.toThrow(
      /No licence/,
    );
    const { id: next } = await h.call('licences.create', { name: 'Next', type: 'owned' });
    expect(next).toBeGreaterThan(lid);
  });
});
