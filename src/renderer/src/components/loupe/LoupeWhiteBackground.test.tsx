// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhiteBackgroundPreview } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { deferred, makeAsset } from '../../test-support/fake-transport';
import { setValue } from '../../test-support/form-events';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
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

const HASH = 'b'.repeat(64);

async function start(answer: (keepShadow: boolean) => Promise<WhiteBackgroundPreview>) {
  const transport = fakeEngine({
    total: 3,
    asset: (i) => makeAsset(i, { state: 'ok', thumb: 'ready', hash: `${HASH}-${i}` }),
  }).handle('previews.whiteBackground', ({ keepShadow }) => answer(keepShadow));
  harness = await startUi(
    <>
      <AssetGrid />
      <Loupe />
    </>,
    transport,
  );
  const grid = oneByTestId(harness.root, 'grid');
  act(() => byTestId(grid, 'grid-cell')[0]?.click());
  act(() => {
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
  });
  await flush();
  return { transport, loupe: oneByTestId(document.body, 'loupe') };
}

function click(el: HTMLElement): void {
  act(() => el.click());
}

const ready = (keepShadow: boolean): WhiteBackgroundPreview => ({
  id: 1,
  key: `${'c'.repeat(64)}-${keepShadow ? 1 : 0}`,
  reason: null,
  borderShare: 1,
});

describe('the loupe’s white-background before/after', () => {
  it('asks for the cleaned preview and lays it over the original, split by the slider', async () => {
    const pending = deferred<WhiteBackgroundPreview>();
    const { transport, loupe } = await start(() => pending.promise);
    expect(byTestId(loupe, 'loupe-whitebg')).toEqual([]);
    const toggle = oneByTestId(loupe, 'loupe-whitebg-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(transport.callsOf('previews.whiteBackground')).toEqual([{ id: 1, keepShadow: true }]);
    oneByTestId(loupe, 'loupe-whitebg-spinner');
    pending.resolve(ready(true));
    await flush();
    expect(byTestId(loupe, 'loupe-whitebg-spinner')).toEqual([]);
    const after = oneByTestId(loupe, 'loupe-whitebg-image');
    expect(after.getAttribute('src')).toBe(`test-media://whitebg/${'c'.repeat(64)}-1`);
    expect(after.style.clipPath).toBe('inset(0 0 0 50%)');
    // The original is still underneath.
    expect(oneByTestId(loupe, 'loupe-image').getAttribute('src')).toMatch(
      /^test-media:\/\/preview\//,
    );
    setValue(oneByTestId(loupe, 'loupe-whitebg-split'), '20');
    expect(after.style.clipPath).toBe('inset(0 0 0 20%)');
    click(toggle);
    expect(byTestId(loupe, 'loupe-whitebg')).toEqual([]);
  });

  it('asks again without the shadow when the box is cleared', async () => {
    const { transport, loupe } = await start((keepShadow) => Promise.resolve(ready(keepShadow)));
    click(oneByTestId(loupe, 'loupe-whitebg-toggle'));
    await flush();
    click(oneByTestId(loupe, 'loupe-whitebg-shadow'));
    await flush();
    expect(transport.callsOf('previews.whiteBackground')).toEqual([
      { id: 1, keepShadow: true },
      { id: 1, keepShadow: false },
    ]);
    expect(oneByTestId(loupe, 'loupe-whitebg-image').getAttribute('src')).toMatch(/-0$/);
  });

  it('says why when there is nothing to clean', async () => {
    const { loupe } = await start(() =>
      Promise.resolve({
        id: 1,
        key: null,
        reason: 'The background is not near-white: nothing to clean',
        borderShare: 0.1,
      }),
    );
    click(oneByTestId(loupe, 'loupe-whitebg-toggle'));
    await flush();
    expect(byTestId(loupe, 'loupe-whitebg-image')).toEqual([]);
    expect(oneByTestId(loupe, 'loupe-whitebg-reason').textContent).toMatch(/not near-white/);
  });
});
