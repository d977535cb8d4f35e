// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../../shared/media-facts';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, makeDetail } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { CullingLayer } from '../culling/CullingLayer';
import { AssetGrid } from '../grid/AssetGrid';
import { Loupe } from './Loupe';
import { pageWidthFor } from './LoupeDocument';

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

const HASH = 'd'.repeat(64);

/** Asset 1 a three-page manual (Letter), asset 2 a locked PDF, asset 3 a photo. */
async function start() {
  const transport = fakeEngine({
    total: 3,
    asset: (i) =>
      i === 0
        ? makeAsset(i, {
            name: 'manual.pdf',
            kind: 'document',
            format: 'pdf',
            state: 'ok',
            thumb: 'ready',
            hash: HASH,
            width: 612,
            height: 792,
          })
        : i === 1
          ? makeAsset(i, {
              name: 'locked.pdf',
              kind: 'document',
              format: 'pdf',
              state: 'ok',
              thumb: 'none',
              hash: 'e'.repeat(64),
              notice: 'Password-protected: not previewed or searched',
            })
          : makeAsset(i, { state: 'ok', thumb: 'ready', hash: 'f'.repeat(64) }),
    detail: (a) =>
      makeDetail(a, { facts: a.id === 1 ? { ...emptyFacts(), pages: 3 } : emptyFacts() }),
  });
  transport.handle('assets.edit', ({ ids }) => ({
    changed: ids.length,
    step: null,
    canUndo: false,
    canRedo: false,
  }));
  harness = await startUi(
    <>
      <AssetGrid />
      <Loupe />
      <CullingLayer />
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

async function openOn(grid: HTMLElement, index: number): Promise<HTMLElement> {
  act(() => byTestId(grid, 'grid-cell')[index]?.click());
  press(grid, ' ');
  await flush();
  return oneByTestId(document.body, 'loupe');
}

const pageSrc = (loupe: HTMLElement) =>
  loupe.querySelector('[data-testid="loupe-page"]')?.getAttribute('src');
const pageNumber = (loupe: HTMLElement) => oneByTestId(loupe, 'loupe-page-number').textContent;

describe('document pages in the loupe', () => {
  it('shows page 1 at the width the window needs, then moves with the page keys', async () => {
    const { grid } = await start();
    const loupe = await openOn(grid, 0);
    await flush();
    // Letter in 1000 × 800: 618 px wide, asked as 768 (steps of 256).
    expect(pageSrc(loupe)).toBe(`test-media://page/${HASH}/1?w=768`);
    expect(pageNumber(loupe)).toBe('Page 1 of 3');
    oneByTestId(loupe, 'loupe-spinner');
    const img = loupe.querySelector('[data-testid="loupe-page"]');
    act(() => {
      img?.dispatchEvent(new Event('load'));
    });
    expect(byTestId(loupe, 'loupe-spinner')).toEqual([]);

    const steps: [string, number][] = [
      ['PageDown', 2],
      ['ArrowDown', 3],
      ['PageDown', 3], // the last page stays
      ['Home', 1],
      ['PageUp', 1],
      ['End', 3],
      ['ArrowUp', 2],
    ];
    for (const [key, page] of steps) {
      press(loupe, key);
      expect(pageSrc(loupe), key).toBe(`test-media://page/${HASH}/${page}?w=768`);
      expect(pageNumber(loupe)).toBe(`Page ${page} of 3`);
    }
  });

  it('pages with the buttons, disabled at either end', async () => {
    const { grid } = await start();
    const loupe = await openOn(grid, 0);
    await flush();
    const [previous, next] = [...loupe.querySelectorAll<HTMLButtonElement>('.loupe-pager button')];
    expect(previous?.disabled).toBe(true);
    act(() => next?.click());
    act(() => next?.click());
    expect(pageNumber(loupe)).toBe('Page 3 of 3');
    expect(next?.disabled).toBe(true);
    act(() => previous?.click());
    expect(pageNumber(loupe)).toBe('Page 2 of 3');
  });

  it('keeps the loupe and culling keys: rate, next asset, a new document starts on page 1', async () => {
    const { grid, transport, stores } = await start();
    const loupe = await openOn(grid, 0);
    await flush();
    press(loupe, 'PageDown');
    press(loupe, '4');
    await flush();
    expect(transport.callsOf('assets.edit')).toEqual([{ ids: [1], rating: 4 }]);
    press(loupe, 'ArrowRight');
    await flush();
    expect(stores.selection.getState()).toMatchObject({ index: 1, id: 2 });
    // A locked PDF: no pages, its notice instead.
    expect(byTestId(loupe, 'loupe-pages')).toEqual([]);
    expect(oneByTestId(loupe, 'loupe-reason').textContent).toBe(
      'Password-protected: not previewed or searched',
    );
    press(loupe, 'ArrowLeft');
    await flush();
    expect(pageNumber(loupe)).toBe('Page 1 of 3');
  });

  it('says so when a page cannot be shown', async () => {
    const { grid } = await start();
    const loupe = await openOn(grid, 0);
    await flush();
    act(() => {
      loupe.querySelector('[data-testid="loupe-page"]')?.dispatchEvent(new Event('error'));
    });
    expect(oneByTestId(loupe, 'loupe-reason').textContent).toBe('This page could not be shown');
  });
});

describe('pageWidthFor', () => {
  it('contains the page in the stage, in device pixels, in steps within the route limits', () => {
    expect(pageWidthFor({ width: 1000, height: 800 }, { width: 612, height: 792 }, 1)).toBe(768);
    expect(pageWidthFor({ width: 1000, height: 800 }, { width: 612, height: 792 }, 2)).toBe(1280);
    expect(pageWidthFor({ width: 100, height: 100 }, { width: 842, height: 595 }, 1)).toBe(256);
    expect(pageWidthFor({ width: 9000, height: 9000 }, { width: 842, height: 595 }, 2)).toBe(4096);
  });
});
