// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaceGroup } from '../../../../shared/ai-dto';
import type { Release } from '../../../../shared/rights-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { emptyAi, makeGroup } from '../../test-support/fake-ai';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset } from '../../test-support/fake-transport';
import { button, setValue, submit } from '../../test-support/form-events';
import { choose, press } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PeopleView } from './PeopleView';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const release: Release = {
  id: 3,
  kind: 'model',
  subject: 'Ann Lee',
  signedOn: '2026-02-01',
  expiresOn: null,
  restrictions: null,
  documentPath: null,
  createdAt: 0,
};
const other: Release = { ...release, id: 4, subject: 'Bo Chen', signedOn: '2026-03-01' };

/**
 * Three people. Asset 1 (a 3:2 photo, thumbnail ready) holds Ann's cover face (10, its box
 * in the group) and a face of group 2 (11); asset 2 holds group 2's other face (20) and
 * group 3's (30).
 */
function library(): FaceGroup[] {
  return [
    makeGroup(1, {
      name: 'Ann',
      coverBox: { x: 0.5, y: 0.2, w: 0.1, h: 0.15 },
      faces: 5,
      assets: 4,
      coverFaceId: 10,
      coverAssetId: 1,
      releaseIds: [3],
    }),
    makeGroup(2, { faces: 2, assets: 2, coverFaceId: 20, coverAssetId: 2 }),
    makeGroup(3, { faces: 1, assets: 1, coverFaceId: 30, coverAssetId: 2 }),
  ];
}

const face = (id: number, groupId: number, x: number) => ({
  id,
  x,
  y: 0.3,
  w: 0.1,
  h: 0.15,
  confidence: 0.9,
  groupId,
  groupName: null,
});

async function start() {
  let groups = library();
  const transport = fakeEngine({
    total: 3,
    asset: (i) =>
      makeAsset(
        i,
        i === 0 ? { hash: 'h1', thumb: 'ready', displayWidth: 1500, displayHeight: 1000 } : {},
      ),
  })
    .handle('faceGroups.list', () => groups)
    .handle('releases.list', () => [
      { ...release, assets: 4 },
      { ...other, assets: 0 },
    ])
    .handle('analyses.get', ({ assetId }) =>
      emptyAi(assetId, {
        faces:
          assetId === 1
            ? [face(10, 1, 0.4), face(11, 2, 0.7)]
            : [face(20, 2, 0.2), face(30, 3, 0.6)],
      }),
    )
    .handle('faceGroups.assets', ({ id }) => (id === 2 ? [1, 2] : [1]))
    .handle('faceGroups.rename', ({ id, name }) => {
      groups = groups.map((g) => (g.id === id ? { ...g, name } : g));
      return groups.find((g) => g.id === id) as FaceGroup;
    })
    .handle('faceGroups.merge', ({ into, from }) => {
      groups = groups.filter((g) => !from.includes(g.id));
      return groups.find((g) => g.id === into) as FaceGroup;
    })
    .handle('faceGroups.split', () => makeGroup(9, { faces: 1 }))
    .handle('faceGroups.attachRelease', () => ({ assets: 4 }));
  harness = await startUi(<PeopleView />, transport);
  await flush();
  const view = () => oneByTestId(harness!.root, 'people-view');
  const card = (id: number) => {
    const found = view().querySelector<HTMLElement>(`[data-group-id="${id}"]`);
    if (found === null) throw new Error(`no group ${id}`);
    return found;
  };
  return { transport, view, card };
}

describe('the People view', () => {
  it('lists each person with a face cropped from the cover thumbnail, counts and releases', async () => {
    const { view, card } = await start();
    expect(oneByTestId(view(), 'people-count').textContent).toBe('3 people');
    expect(
      byTestId(view(), 'face-group').map((g) => g.querySelector('.face-group-name')?.textContent),
    ).toEqual(['Ann', 'Unnamed person 2', 'Unnamed person 3']);
    expect(oneByTestId(card(1), 'face-group-facts').textContent).toBe('5 faces · 4 photos');
    expect(oneByTestId(card(1), 'face-group-releases').textContent).toBe(
      'model release: Ann Lee (signed 2026-02-01)',
    );
    // The crop: geometry as custom properties (the CSSOM, allowed by the CSP), the thumb inside.
    const frame = oneByTestId(card(1), 'face-image');
    expect(frame.getAttribute('aria-label')).toBe('Face of Ann');
    expect(frame.querySelector('img')?.getAttribute('src')).toBe('test-media://thumb/h1');
    // The cover box (0.5, 0.2, 0.1 × 0.15) of a 3:2 image: a square of 0.16 of its width,
    // centred on the face.
    expect(Number(frame.style.getPropertyValue('--face-w'))).toBeCloseTo(0.16, 3);
    expect(Number(frame.style.getPropertyValue('--face-x'))).toBeCloseTo(0.47, 3);
    expect(Number(frame.style.getPropertyValue('--face-y'))).toBeCloseTo(0.155, 3);
    // No thumbnail yet for asset 2: a neutral mark, still named.
    const pending = oneByTestId(card(2), 'face-image');
    expect(pending.className).toContain('is-empty');
    expect(pending.getAttribute('aria-label')).toBe('Face of Unnamed person 2');
  });

  it('clicking a person shows their photos in the Library grid (face:<id>)', async () => {
    const { card } = await start();
    const { stores } = harness!;
    act(() => stores.nav.getState().show('people'));
    act(() => stores.assets.getState().setView({ query: 'shoe' }));
    await press(button(card(2), 'Show the photos of Unnamed person 2'));
    expect(stores.nav.getState().section).toBe('library');
    expect(stores.assets.getState().view.query).toBe('face:2');
    expect(stores.assets.getState().view.catalogId).toBeNull();
  });

  it('renames a person, and clears a name', async () => {
    const { transport, card } = await start();
    await press(button(card(2), 'Rename Unnamed person 2'));
    const input = card(2).querySelector('input[type="text"]');
    expect(input?.getAttribute('aria-label')).toBe('Name of Unnamed person 2');
    setValue(input, '  Bo  ');
    await submit(card(2).querySelector('form'));
    expect(transport.callsOf('faceGroups.rename')).toEqual([{ id: 2, name: 'Bo' }]);
    expect(card(2).querySelector('.face-group-name')?.textContent).toBe('Bo');

    await press(button(card(1), 'Rename Ann'));
    setValue(card(1).querySelector('input[type="text"]'), '');
    await submit(card(1).querySelector('form'));
    expect(transport.callsOf('faceGroups.rename')[1]).toEqual({ id: 1, name: null });
  });

  it('merges the selected people into the one chosen', async () => {
    const { transport, view, card } = await start();
    expect(byTestId(view(), 'people-merge')).toHaveLength(0);
    await press(card(2).querySelector('input[type="checkbox"]') as HTMLElement);
    await press(card(1).querySelector('input[type="checkbox"]') as HTMLElement);
    await press(card(3).querySelector('input[type="checkbox"]') as HTMLElement);
    const bar = oneByTestId(view(), 'people-merge');
    expect(bar.textContent).toContain('Merge 3 people into');
    // By default into the named one.
    const keep = bar.querySelector('select') as HTMLSelectElement;
    expect(keep.value).toBe('1');
    choose(keep, '3');
    await press(button(bar, 'Merge'));
    expect(transport.callsOf('faceGroups.merge')).toEqual([{ into: 3, from: [1, 2] }]);
    expect(byTestId(view(), 'face-group')).toHaveLength(1);
    expect(byTestId(view(), 'people-merge')).toHaveLength(0);
  });

  it('splits picked faces off a person', async () => {
    const { transport, view, card } = await start();
    await press(button(card(2), 'Faces of Unnamed person 2: split some off'));
    await flush();
    const panel = oneByTestId(view(), 'people-split');
    // Group 2's faces only, from both of its photos.
    const faces = byTestId(panel, 'split-face');
    expect(faces.map((f) => f.querySelector('input')?.getAttribute('aria-label'))).toEqual([
      'Face 1 (photo 1)',
      'Face 2 (photo 2)',
    ]);
    const splitOff = oneByTestId(panel, 'split-off') as HTMLButtonElement;
    expect(splitOff.disabled).toBe(true);
    await press(faces[1]?.querySelector('input') as HTMLElement);
    expect(splitOff.textContent).toBe('Split off 1 face');
    await press(splitOff);
    expect(transport.callsOf('faceGroups.split')).toEqual([{ id: 2, faceIds: [20] }]);
    expect(byTestId(view(), 'people-split')).toHaveLength(0);
    expect(transport.callsOf('faceGroups.list').length).toBeGreaterThan(1);
  });

  it('attaches a release the person does not hold yet to all their photos', async () => {
    const { transport, card } = await start();
    await press(button(card(1), 'Attach a release to every photo of Ann'));
    const select = card(1).querySelector('select') as HTMLSelectElement;
    expect(select.getAttribute('aria-label')).toBe('Release for Ann');
    // Ann holds release 3 already: only Bo's is offered.
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'model release: Bo Chen (signed 2026-03-01)',
    ]);
    await submit(card(1).querySelector('form'));
    expect(transport.callsOf('faceGroups.attachRelease')).toEqual([{ id: 1, releaseId: 4 }]);
    expect(card(1).querySelector('[role="status"]')?.textContent).toBe(
      'Release linked to 4 photos.',
    );
  });

  it('reads the groups again when the engine says they changed (grouping, the CLI)', async () => {
    const { transport, view } = await start();
    const reads = transport.callsOf('faceGroups.list').length;
    act(() => transport.emit('faceGroups.changed', {}));
    await flush();
    expect(transport.callsOf('faceGroups.list')).toHaveLength(reads + 1);
    expect(byTestId(view(), 'face-group')).toHaveLength(3);
  });

  it('draws the first 120 people, then more on request', async () => {
    const many = Array.from({ length: 130 }, (_, i) => makeGroup(i + 1, { coverAssetId: 1 }));
    const transport = fakeEngine().handle('faceGroups.list', () => many);
    harness = await startUi(<PeopleView />, transport);
    const view = oneByTestId(harness.root, 'people-view');
    expect(byTestId(view, 'face-group')).toHaveLength(120);
    // Every face of one photo reads that photo's row once.
    expect(transport.callsOf('assets.get')).toEqual([{ id: 1 }]);
    await press(button(view, 'Show 10 more of 10'));
    expect(byTestId(view, 'face-group')).toHaveLength(130);
  });

  it('every control is labelled and reachable by keyboard', async () => {
    const { view } = await start();
    const controls = [...view().querySelectorAll<HTMLElement>('button, input, select')];
    expect(controls.length).toBe(15);
    for (const c of controls) {
      expect(c.tabIndex).toBe(0);
      const named =
        c.getAttribute('aria-label') ??
        (c instanceof HTMLInputElement ? c.labels?.[0]?.textContent : c.textContent);
      expect((named ?? '').trim()).not.toBe('');
    }
  });
});
