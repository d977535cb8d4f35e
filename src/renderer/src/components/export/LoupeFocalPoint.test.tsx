// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset } from '../../test-support/fake-transport';
import { press } from '../../test-support/interact';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { Loupe } from '../loupe/Loupe';

// Every element measures 1000 × 800 (jsdom does no layout), and sits at the page's origin.
let restoreLayout: () => void;
let harness: Harness | undefined;
beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  restoreLayout();
});

const LANDSCAPE = makeAsset(0, { state: 'ok', width: 1200, height: 800 });
/** Stored 1200 × 800 with EXIF orientation 6: shown upright as 800 × 1200. */
const ROTATED = makeAsset(0, {
  state: 'ok',
  width: 1200,
  height: 800,
  orientation: 6,
  displayWidth: 800,
  displayHeight: 1200,
});

async function openLoupe(asset: Asset) {
  const transport = fakeEngine({ total: 1, asset: () => asset });
  harness = await startUi(<Loupe />, transport);
  act(() => {
    harness!.stores.selection.getState().select(0, asset.id);
    harness!.stores.loupe.getState().show();
  });
  await flush();
  return { transport, root: harness.root, stores: harness.stores };
}

function clickAt(target: HTMLElement, x: number, y: number): void {
  act(() => {
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
  });
}

describe('focal point in the loupe', () => {
  it('sets the point clicked in "Set focal point" mode, in 0–1 of the picture, without zooming', async () => {
    const { transport, root, stores } = await openLoupe(LANDSCAPE);
    await press(oneByTestId(root, 'focus-mode'));
    // 1200 × 800 fits 1000 × 666.7 in the 1000 × 800 box, 66.7 px from the top.
    clickAt(oneByTestId(root, 'focus-layer'), 250, 66.667 + 666.667 * 0.75);
    await flush();

    expect(transport.callsOf('renditions.setFocus')).toEqual([{ assetId: 1, x: 0.25, y: 0.75 }]);
    expect(stores.loupe.getState().zoom).toBe('fit');
    expect(oneByTestId(root, 'focus-mode').getAttribute('aria-pressed')).toBe('false');
    const marker = oneByTestId(root, 'focus-marker');
    expect([parseFloat(marker.style.left), parseFloat(marker.style.top)]).toEqual([
      250,
      expect.closeTo(566.667, 2),
    ]);
    expect(marker.getAttribute('aria-label')).toBe('Focal point at 25 %, 75 %');
  });

  it('measures a rotated image upright, as the loupe shows it', async () => {
    const { transport, root } = await openLoupe(ROTATED);
    await press(oneByTestId(root, 'focus-mode'));
    // Upright 800 × 1200 fits 533.3 × 800, 233.3 px from the left.
    clickAt(oneByTestId(root, 'focus-layer'), 233.333 + 533.333 * 0.25, 400);
    await flush();
    expect(transport.callsOf('renditions.setFocus')).toEqual([{ assetId: 1, x: 0.25, y: 0.5 }]);
  });

  it('sets nothing on a click outside the mode (CSS passes those to the stage), and clamps clicks beside the picture', async () => {
    const { transport, root, stores } = await openLoupe(LANDSCAPE);
    clickAt(oneByTestId(root, 'focus-layer'), 500, 400);
    expect(transport.callsOf('renditions.setFocus')).toHaveLength(0);

    await press(oneByTestId(root, 'focus-mode'));
    clickAt(oneByTestId(root, 'focus-layer'), 990, 10);
    await flush();
    expect(transport.callsOf('renditions.setFocus')).toEqual([{ assetId: 1, x: 0.99, y: 0 }]);
    expect(stores.loupe.getState().zoom).toBe('fit');
  });

  it('shows a point set before, and clears it', async () => {
    const transport0 = fakeEngine({ total: 1, asset: () => LANDSCAPE });
    transport0.handle('renditions.get', ({ assetId }) => ({
      focus: { assetId, x: 0.5, y: 0.5 },
      overrides: [],
    }));
    harness = await startUi(<Loupe />, transport0);
    act(() => {
      harness!.stores.selection.getState().select(0, 1);
      harness!.stores.loupe.getState().show();
    });
    await flush();
    const root = harness.root;
    expect(oneByTestId(root, 'focus-marker').style.left).toBe('500px');
    await press(oneByTestId(root, 'focus-clear'));
    expect(transport0.callsOf('renditions.setFocus')).toEqual([{ assetId: 1, x: null, y: null }]);
    expect(byTestId(root, 'focus-marker')).toHaveLength(0);
  });
});
