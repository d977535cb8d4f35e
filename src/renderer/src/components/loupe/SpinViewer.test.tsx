// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import type { SpinDetail } from '../../../../shared/spin-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { deferred, makeAsset } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { CullingLayer } from '../culling/CullingLayer';
import { AssetGrid } from '../grid/AssetGrid';
import { Loupe } from './Loupe';

let harness: Harness | undefined;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  restoreLayout();
});

const FRAMES = 4;
const hashOf = (n: number) => `${String(n).repeat(64).slice(0, 64)}`;
const spin: SpinDetail = {
  id: 7,
  name: 'SHOE-1',
  createdAt: '2026-12-05T00:00:00.000Z',
  source: null,
  coverAssetId: 2,
  frames: FRAMES,
  warnings: [],
  frameList: Array.from({ length: FRAMES }, (_, i) => ({
    assetId: i === 0 ? 2 : 100 + i,
    position: i,
    number: i + 1,
    name: `SHOE-1_spin_0${i + 1}.jpg`,
    hash: hashOf(i + 1),
    state: 'ok' as const,
    width: 64,
    height: 64,
  })),
};

async function start() {
  const transport = fakeEngine({
    total: 5,
    asset: (i) =>
      makeAsset(
        i,
        i === 1
          ? {
              state: 'ok',
              thumb: 'ready',
              hash: hashOf(1),
              kind: 'spin',
              spin: { id: 7, name: 'SHOE-1', frames: FRAMES, warning: null },
            }
          : { state: 'ok', thumb: 'ready', hash: `${'e'.repeat(63)}${i}` },
      ),
    // Previews never arrive here: the frames' thumbnails stand in.
    preview: () => new Promise(() => undefined),
  }).handle('spins.get', ({ id }) => ({ ...spin, id }));
  harness = await startUi(
    <>
      <AssetGrid />
      <Loupe />
      <CullingLayer />
    </>,
    transport,
  );
  return { transport, grid: oneByTestId(harness.root, 'grid') };
}

function press(target: HTMLElement, key: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

function pointer(target: HTMLElement, type: string, clientX: number): void {
  act(() => {
    // jsdom has no PointerEvent: a MouseEvent of the pointer type reaches React's handlers.
    target.dispatchEvent(new MouseEvent(type, { clientX, bubbles: true }));
  });
}

async function openSpin(grid: HTMLElement): Promise<HTMLElement> {
  act(() => byTestId(grid, 'grid-cell')[1]?.click());
  press(grid, ' ');
  await flush();
  return oneByTestId(document.body, 'loupe');
}

const counter = (loupe: HTMLElement) => oneByTestId(loupe, 'spin-counter').textContent;
const shown = (loupe: HTMLElement) => oneByTestId(loupe, 'spin-frame').getAttribute('src') ?? '';

describe('spin viewer', () => {
  it('shows the grid tile with its frame count', async () => {
    const { grid } = await start();
    expect(byTestId(grid, 'cell-badge-spin').map((b) => b.textContent)).toEqual(['360° · 4']);
  });

  it('turns frame by frame with ↑/↓ and by dragging, wrapping round, and preloads previews', async () => {
    const { grid, transport } = await start();
    const loupe = await openSpin(grid);
    expect(transport.callsOf('spins.get')).toEqual([{ id: 7 }]);
    expect(counter(loupe)).toBe('360° · frame 1/4');
    expect(shown(loupe)).toContain(hashOf(1));
    // The frame on show and its neighbours both ways get their previews asked for.
    const asked = () => (transport.callsOf('previews.ensure') as { id: number }[]).map((c) => c.id);
    expect(new Set(asked())).toEqual(new Set([2, 101, 102, 103]));

    press(loupe, 'ArrowDown');
    expect(counter(loupe)).toBe('360° · frame 2/4');
    expect(shown(loupe)).toContain(hashOf(2));
    press(loupe, 'ArrowUp');
    press(loupe, 'ArrowUp');
    expect(counter(loupe)).toBe('360° · frame 4/4');
    press(loupe, '.');
    expect(counter(loupe)).toBe('360° · frame 1/4');

    // jsdom lays nothing out: the stage counts as 800 px, 200 px a frame for 4 frames.
    const stage = oneByTestId(loupe, 'spin-viewer');
    pointer(stage, 'pointerdown', 500);
    pointer(stage, 'pointermove', 920);
    expect(counter(loupe)).toBe('360° · frame 3/4');
    // Back past where the drag began: one frame the other way, wrapping to the last.
    pointer(stage, 'pointermove', 280);
    expect(counter(loupe)).toBe('360° · frame 4/4');
    pointer(stage, 'pointerup', 280);
    pointer(stage, 'pointermove', 990);
    expect(counter(loupe)).toBe('360° · frame 4/4');
  });

  it('keeps ←/→ for the list and the culling keys for the spin', async () => {
    const { grid, transport } = await start();
    const loupe = await openSpin(grid);
    press(loupe, 'ArrowDown');
    press(loupe, '3');
    await flush();
    const edits = transport.callsOf('assets.edit') as MethodArgs<'assets.edit'>[];
    expect(edits).toEqual([expect.objectContaining({ ids: [2], rating: 3 })]);
    press(loupe, 'ArrowRight');
    await flush();
    expect(byTestId(loupe, 'spin-viewer')).toEqual([]);
    expect(loupe.textContent).toContain('img-000002.jpg');
    press(loupe, 'ArrowLeft');
    await flush();
    // Back on the spin: it starts again at its first frame.
    expect(counter(loupe)).toBe('360° · frame 1/4');
  });

  it("moving to the next spin shows none of the previous spin's frames while its own come", async () => {
    const next = deferred<SpinDetail>();
    const other: SpinDetail = {
      ...spin,
      id: 8,
      name: 'BAG-2',
      coverAssetId: 3,
      frames: 2,
      frameList: spin.frameList.slice(0, 2).map((f, i) => ({
        ...f,
        assetId: i === 0 ? 3 : 200 + i,
        hash: hashOf(i + 7),
      })),
    };
    const transport = fakeEngine({
      total: 3,
      asset: (i) =>
        makeAsset(i, {
          state: 'ok',
          thumb: 'ready',
          hash: hashOf(i + 1),
          ...(i > 0 && {
            kind: 'spin',
            spin: { id: 6 + i, name: 'x', frames: i === 1 ? FRAMES : 2, warning: null },
          }),
        }),
      preview: () => new Promise(() => undefined),
    }).handle('spins.get', ({ id }) => (id === 7 ? spin : next.promise));
    harness = await startUi(
      <>
        <AssetGrid />
        <Loupe />
      </>,
      transport,
    );
    const loupe = await openSpin(oneByTestId(harness.root, 'grid'));
    expect(counter(loupe)).toBe('360° · frame 1/4');
    press(loupe, 'ArrowRight');
    await flush();
    expect(transport.callsOf('spins.get')).toEqual([{ id: 7 }, { id: 8 }]);
    expect(counter(loupe)).toBe('360° · frame 0/0');
    expect(byTestId(loupe, 'spin-frame')).toEqual([]);
    act(() => next.resolve(other));
    await flush();
    expect(counter(loupe)).toBe('360° · frame 1/2');
    expect(shown(loupe)).toContain(hashOf(7));
  });
});
