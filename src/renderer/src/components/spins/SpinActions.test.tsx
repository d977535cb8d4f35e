// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset } from '../../test-support/fake-transport';
import { click, setValue, submit } from '../../test-support/form-events';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { AssetGrid } from '../grid/AssetGrid';
import { SpinActions } from './SpinActions';

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

async function start() {
  const transport = fakeEngine({
    total: 4,
    asset: (i) =>
      makeAsset(
        i,
        i === 3 ? { kind: 'spin', spin: { id: 9, name: 'Bag', frames: 24, warning: null } } : {},
      ),
  })
    .handle('spins.create', () => ({
      changed: 1,
      step: 'Make spin',
      canUndo: true,
      canRedo: false,
      spin: null,
    }))
    .handle('spins.dissolve', () => ({
      changed: 1,
      step: 'Dissolve spin',
      canUndo: true,
      canRedo: false,
      spin: null,
    }));
  harness = await startUi(
    <>
      <SpinActions />
      <AssetGrid />
    </>,
    transport,
  );
  return { transport, root: harness.root };
}

const cellClick = async (root: HTMLElement, index: number, init: MouseEventInit = {}) => {
  act(() => {
    byTestId(root, 'grid-cell')[index]?.dispatchEvent(
      new MouseEvent('click', { bubbles: true, ...init }),
    );
  });
  await flush();
};

describe('spin actions', () => {
  it('makes a spin of the selected images, named by the user', async () => {
    const { root, transport } = await start();
    const make = oneByTestId(root, 'make-spin') as HTMLButtonElement;
    await cellClick(root, 0);
    expect(make.disabled).toBe(true);
    await cellClick(root, 2, { ctrlKey: true });
    expect(make.disabled).toBe(false);
    await click(make);
    setValue(root.querySelector('input[aria-label="Name of the spin"]'), 'Shoe 360');
    await submit(root.querySelector('form'));
    expect(transport.callsOf('spins.create')).toEqual([{ assetIds: [1, 3], name: 'Shoe 360' }]);
  });

  it('dissolves the spin whose tile is selected', async () => {
    const { root, transport } = await start();
    await cellClick(root, 0);
    expect(byTestId(root, 'dissolve-spin')).toEqual([]);
    await cellClick(root, 3);
    await click(oneByTestId(root, 'dissolve-spin'));
    expect(transport.callsOf('spins.dissolve')).toEqual([{ id: 9 }]);
  });
});
