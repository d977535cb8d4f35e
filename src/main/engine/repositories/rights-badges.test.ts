// The grid's rights columns on assets.list and assets.get, on a real engine and library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { addDays } from '../rights/licence-dates';
import { today as localToday } from '../rights/licence-dates';

let p: PhotoHarness;
const today = localToday(); // the engine's day: the user's local day
const names = ['ended.jpg', 'later.jpg', 'ending.jpg', 'fine.jpg', 'none.jpg', 'mixed.jpg'];

beforeAll(async () => {
  p = await startWithPhotos('badges', names, 11);
});
afterAll(() => p.dispose());

const badges = async () =>
  Object.fromEntries(
    (await p.h.all()).map((a) => [a.name, [a.rightsFlag ?? null, a.approval ?? null]]),
  );

describe('assets.list rights columns', () => {
  it('flags each asset by its worst licence today and carries its approval', async () => {
    const { h, id } = p;
    const make = async (name: string, startsOn: string | null, endsOn: string | null) =>
      (await h.call('licences.create', { name, type: 'royalty-free', startsOn, endsOn })).id;
    const ended = await make('Ended', null, addDays(today, -1));
    const later = await make('Later', addDays(today, 3), null);
    const ending = await make('Ending', null, addDays(today, 30)); // the window's last day
    const fine = await make('Fine', null, addDays(today, 31));
    const attach = (licenceId: number, files: string[]) =>
      h.call('licences.attach', { licenceId, assetIds: files.map((f) => id[f] ?? 0) });
    await attach(ended, ['ended.jpg', 'mixed.jpg']);
    await attach(later, ['later.jpg']);
    await attach(ending, ['ending.jpg', 'mixed.jpg']);
    await attach(fine, ['fine.jpg', 'mixed.jpg']);
    await h.call('approvals.set', { state: 'approved', assetIds: [id['fine.jpg'] ?? 0] });
    await h.call('approvals.set', { state: 'rejected', assetIds: [id['ended.jpg'] ?? 0] });

    expect(await badges()).toEqual({
      'ended.jpg': ['block', 'rejected'],
      'later.jpg': ['block', 'draft'],
      'ending.jpg': ['warn', 'draft'],
      'fine.jpg': ['ok', 'approved'],
      'none.jpg': [null, 'draft'],
      'mixed.jpg': ['block', 'draft'],
    });
    const one = await h.call('assets.get', { id: id['ending.jpg'] ?? 0 });
    expect([one.rightsFlag, one.approval]).toEqual(['warn', 'draft']);
  });

  it('follows detach and a later decision', async () => {
    const { h, id } = p;
    const [ended] = (await h.call('licences.list', {})).filter((l) => l.name === 'Ended');
    await h.call('licences.detach', {
      licenceId: ended?.id ?? 0,
      assetIds: [id['mixed.jpg'] ?? 0],
    });
    await h.call('approvals.set', { state: 'in-review', assetIds: [id['mixed.jpg'] ?? 0] });
    expect((await badges())['mixed.jpg']).toEqual(['warn', 'in-review']);
  });
});
