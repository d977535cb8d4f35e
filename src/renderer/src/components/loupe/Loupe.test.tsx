// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreviewReady } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine, type FakeEngineOptions } from '../../test-support/fake-engine';
import { deferred, makeAsset } from '../../test-support/fake-transport';
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

const THUMB = 'a'.repeat(64);

async function start(options: FakeEngineOptions = {}) {
  const transport = fakeEngine({
    total: 20,
    asset: (i) => makeAsset(i, { state: 'ok', thumb: 'ready', hash: `${THUMB}-${i}` }),
    ...options,
  });
  harness = await startUi(
    <>
      <AssetGrid />
      <Loupe />
    </>,
    transport,
  );
  const grid = oneByTestId(harness.root, 'grid');
  return { ...harness, transport, grid };
}

function press(target: HTMLElement, key: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

/** Opens the loupe on cell `index` the way a user does: click, then Space. */
async function openOn(grid: HTMLElement, index: number): Promise<HTMLElement> {
  const cell = byTestId(grid, 'grid-cell')[index];
  act(() => cell?.click());
  press(grid, ' ');
  await flush();
  return oneByTestId(document.body, 'loupe');
}

/** jsdom loads no images: report one as loaded with a natural size. */
function loadImage(img: HTMLElement | null, width: number, height: number): void {
  if (!(img instanceof HTMLImageElement)) throw new Error('no image');
  Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
  act(() => {
    img.dispatchEvent(new Event('load'));
  });
}

const image = (loupe: HTMLElement) =>
  loupe.querySelector<HTMLImageElement>('[data-testid="loupe-image"]');

describe('loupe', () => {
  it('opens with Space on the selection, the thumbnail standing in until the preview is ready', async () => {
    const pending = deferred<PreviewReady>();
    const { grid, transport } = await start({ preview: () => pending.promise });
    const loupe = await openOn(grid, 2);
    expect(loupe.dataset.zoom).toBe('fit');
    expect(document.activeElement).toBe(loupe);
    expect(transport.callsOf('previews.ensure')).toEqual([{ id: 3 }]);
    expect(image(loupe)?.getAttribute('src')).toMatch(/^test-media:\/\/thumb\//);
    oneByTestId(loupe, 'loupe-spinner');
    expect(loupe.textContent).toContain('img-000002.jpg');
    expect(loupe.textContent).toContain('3 / 20');

    pending.resolve({ id: 3, hash: 'p3', reason: null });
    await flush();
    expect(image(loupe)?.getAttribute('src')).toBe('test-media://preview/p3');
    oneByTestId(loupe, 'loupe-spinner'); // until the preview has downloaded
    loadImage(image(loupe), 2048, 1365);
    expect(byTestId(loupe, 'loupe-spinner')).toEqual([]);
  });

  it('toggles fit and 1:1 with Z and with a click; 1:1 shows preview pixels at their size', async () => {
    const { grid } = await start();
    const loupe = await openOn(grid, 0);
    loadImage(image(loupe), 2048, 1365);
    press(loupe, 'z');
    expect(loupe.dataset.zoom).toBe('1:1');
    const dpr = window.devicePixelRatio || 1;
    expect(image(loupe)?.style.width).toBe(`${2048 / dpr}px`);
    expect(image(loupe)?.style.height).toBe(`${1365 / dpr}px`);
    press(loupe, 'Z');
    expect(loupe.dataset.zoom).toBe('fit');
    expect(image(loupe)?.style.width).toBe('');

    const stage = loupe.querySelector<HTMLElement>('.loupe-stage');
    act(() => stage?.click());
    expect(loupe.dataset.zoom).toBe('1:1');
    act(() => stage?.click());
    expect(loupe.dataset.zoom).toBe('fit');
  });

  it('moves through the list with the arrow keys, asking for each preview and its neighbours', async () => {
    const { grid, stores, transport } = await start();
    const loupe = await openOn(grid, 5);
    await flush();
    // The current one first, then the neighbours once it has settled.
    expect(transport.callsOf('previews.ensure')).toEqual([{ id: 6 }, { id: 7 }, { id: 5 }]);
    press(loupe, 'ArrowRight');
    await flush();
    expect(stores.selection.getState()).toMatchObject({ index: 6, id: 7 });
    expect(image(loupe)?.getAttribute('src')).toBe('test-media://preview/preview-7');
    expect(transport.callsOf('previews.ensure')).toContainEqual({ id: 8 });
    press(loupe, 'ArrowLeft');
    press(loupe, 'ArrowLeft');
    await flush();
    expect(stores.selection.getState()).toMatchObject({ index: 4, id: 5 });
    expect(loupe.textContent).toContain('5 / 20');
  });

  it('stops at the ends of the list', async () => {
    const { grid, stores } = await start();
    const loupe = await openOn(grid, 0);
    press(loupe, 'ArrowLeft');
    expect(stores.selection.getState().index).toBe(0);
  });

  it('closes with Escape or Space, giving focus back to the grid', async () => {
    const { grid, stores } = await start();
    let loupe = await openOn(grid, 1);
    press(loupe, 'Escape');
    expect(byTestId(document.body, 'loupe')).toEqual([]);
    expect(stores.loupe.getState().open).toBe(false);
    expect(document.activeElement).toBe(grid);

    loupe = await openOn(grid, 1);
    press(loupe, 'z');
    press(loupe, ' ');
    expect(byTestId(document.body, 'loupe')).toEqual([]);
    // Opening again starts at fit.
    loupe = await openOn(grid, 1);
    expect(loupe.dataset.zoom).toBe('fit');
  });

  it('keeps Tab inside the loupe, and closes from its button', async () => {
    const { grid } = await start();
    const loupe = await openOn(grid, 0);
    const close = loupe.querySelector<HTMLButtonElement>('.loupe-close');
    press(loupe, 'Tab');
    expect(document.activeElement).toBe(close);
    press(close!, 'Tab');
    expect(document.activeElement).toBe(loupe);
    act(() => close?.click());
    expect(byTestId(document.body, 'loupe')).toEqual([]);
  });

  it('says why there is no preview, over the thumbnail', async () => {
    const { grid } = await start({
      preview: (id) => ({ id, hash: null, reason: 'No HEIC decoder here' }),
    });
    const loupe = await openOn(grid, 0);
    await flush();
    expect(oneByTestId(loupe, 'loupe-reason').textContent).toBe('No HEIC decoder here');
    expect(image(loupe)?.getAttribute('src')).toMatch(/^test-media:\/\/thumb\//);
    expect(byTestId(loupe, 'loupe-spinner')).toEqual([]);
  });
});
