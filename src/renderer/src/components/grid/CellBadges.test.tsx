// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset } from '../../test-support/fake-transport';
import { byTestId } from '../../test-support/render';
import { CellBadges } from './CellBadges';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

describe('naming badge', () => {
  it('marks an asset whose name breaks its catalog’s naming convention, and only that', async () => {
    const broken = makeAsset(0, { violation: "'IMG_1' does not match the naming convention x" });
    harness = await startUi(
      <>
        <CellBadges asset={broken} />
        <CellBadges asset={makeAsset(1, { violation: null })} />
        <CellBadges asset={makeAsset(2)} />
      </>,
      fakeEngine(),
    );
    const badges = byTestId(harness.root, 'cell-badge-naming');
    expect(badges.map((b) => b.textContent)).toEqual(['Name']);
    expect(badges[0]?.title).toMatch(/'IMG_1' does not match .* naming:bad/);
  });
});

describe('kind badge', () => {
  it('labels documents and 3D models, and no photo or video', async () => {
    harness = await startUi(
      <>
        <CellBadges asset={makeAsset(0, { kind: 'document', format: 'pdf', name: 'a.pdf' })} />
        <CellBadges asset={makeAsset(1, { kind: 'model', format: null, name: 'chair.glb' })} />
        <CellBadges asset={makeAsset(2, { kind: 'image' })} />
        <CellBadges asset={makeAsset(3, { kind: 'raw' })} />
        <CellBadges asset={makeAsset(4, { kind: 'video', name: 'clip.mp4' })} />
        <CellBadges asset={makeAsset(5, { kind: 'document', format: null, name: 'notes.PDF' })} />
      </>,
      fakeEngine(),
    );
    const badges = byTestId(harness.root, 'cell-badge-kind');
    expect(badges.map((b) => b.textContent)).toEqual(['PDF', '3D', 'PDF']);
    expect(badges.map((b) => b.title)).toEqual([
      'A document (find them all with kind:document)',
      'A 3D model (find them all with kind:model)',
      'A document (find them all with kind:document)',
    ]);
  });
});
