// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import { Client } from '../../client';
import { createStores } from '../../store/create-stores';
import { FakeTransport, makeAsset, serveAssets } from '../../test-support/fake-transport';
import {
  byTestId,
  flush,
  mount,
  oneByTestId,
  stubLayout,
  type Mounted,
} from '../../test-support/render';
import { AssetGrid } from './AssetGrid';
import { gridMetrics } from './grid-geometry';
import { PRIORITIZE_DELAY_MS } from './use-prioritize-visible';

const WIDTH = 1000;
const HEIGHT = 800;
const TOTAL = 100_000;

let restoreLayout: () => void;
let mounted: Mounted | undefined;

beforeEach(() => {
  restoreLayout = stubLayout(WIDTH, HEIGHT);
});

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  restoreLayout();
});

async function renderGrid(total = TOTAL, asset = (i: number) => makeAsset(i)) {
  const transport = new FakeTransport();
  serveAssets(transport, () => total, asset);
  transport.handle('thumbs.prioritize', ({ ids }) => ({ moved: ids.length }));
  const client = new Client(transport);
  const stores = createStores(client, { refetchDelayMs: 0 });
  mounted = await mount(<AssetGrid />, { client, stores });
  await flush();
  const grid = oneByTestId(mounted.container, 'grid');
  const listOffsets = () =>
    (transport.callsOf('assets.list') as Array<MethodArgs<'assets.list'>>).map((a) => a.offset);
  return { transport, stores, grid, listOffsets };
}

async function scrollTo(grid: HTMLElement, top: number): Promise<void> {
  act(() => {
    grid.scrollTop = top;
    grid.dispatchEvent(new Event('scroll'));
  });
  await flush();
}

const cellIds = (grid: HTMLElement): number[] =>
  byTestId(grid, 'grid-cell').map((c) => Number(c.getAttribute('data-asset-id')));

describe('AssetGrid with 100,000 assets', () => {
  const { columns, rowHeight } = gridMetrics(WIDTH);
  const visibleRows = Math.ceil(HEIGHT / rowHeight) + 1;

  it('renders only a window of rows, and fetches only the first page', async () => {
    const { grid, listOffsets } = await renderGrid();
    const cells = byTestId(grid, 'grid-cell');
    expect(cells.length).toBeGreaterThanOrEqual(columns * 3);
    expect(cells.length).toBeLessThanOrEqual(columns * (visibleRows + 4)); // + overscan
    expect(cellIds(grid).slice(0, 3)).toEqual([1, 2, 3]);
    expect(listOffsets()).toEqual([0]);
    // The canvas is as tall as all rows, so the scrollbar tells the truth.
    const canvas = grid.firstElementChild as HTMLElement;
    expect(parseFloat(canvas.style.height)).toBeGreaterThan((TOTAL / columns - 1) * rowHeight);
  });

  it('renders and fetches only around the scroll position when scrolled deep', async () => {
    const { grid, listOffsets } = await renderGrid();
    const targetRow = 12_050; // index 60,250 with 5 columns: mid-page, overscan included
    await scrollTo(grid, targetRow * rowHeight);
    const ids = cellIds(grid);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(columns * (visibleRows + 4));
    const firstIndex = Math.min(...ids) - 1;
    expect(Math.abs(firstIndex - targetRow * columns)).toBeLessThanOrEqual(columns * 3);
    expect(listOffsets()).toEqual([0, Math.floor((targetRow * columns) / 500) * 500]);
  });

  it('marks cells with the asset id, state and thumbnail state, and shows thumbnails that are ready', async () => {
    const hash = 'a'.repeat(64);
    const { grid } = await renderGrid(10, (i) =>
      i === 0 ? makeAsset(i, { state: 'ok', thumb: 'ready', hash }) : makeAsset(i),
    );
    const [first, second] = byTestId(grid, 'grid-cell');
    expect(first?.dataset).toMatchObject({ assetId: '1', state: 'ok', thumb: 'ready' });
    const img = first?.querySelector('img');
    expect(img?.getAttribute('src')).toBe(`test-media://thumb/${hash}`);
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('decoding')).toBe('async');
    expect(second?.dataset).toMatchObject({ state: 'pending', thumb: 'pending' });
    expect(second?.querySelector('img')).toBeNull();
  });

  it('shows an error badge and the reason on a file that could not be read', async () => {
    const reason = 'Input file contains unsupported image format';
    const { grid } = await renderGrid(3, (i) =>
      i === 1 ? makeAsset(i, { state: 'error', thumb: 'error', error: reason }) : makeAsset(i),
    );
    const errors = byTestId(grid, 'cell-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.textContent).toBe(reason);
    const cell = errors[0]?.closest('[data-testid="grid-cell"]');
    expect(cell?.getAttribute('data-state')).toBe('error');
    expect(cell?.getAttribute('title')).toContain(reason);
  });

  it('selects on click and moves the selection with the arrow keys', async () => {
    const { grid, stores } = await renderGrid();
    const cells = byTestId(grid, 'grid-cell');
    act(() => cells[1]?.click());
    expect(cells[1]?.getAttribute('aria-selected')).toBe('true');
    expect(stores.selection.getState()).toMatchObject({ index: 1, id: 2 });

    await act(() =>
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })),
    );
    expect(stores.selection.getState()).toMatchObject({ index: 2, id: 3 });
    await act(() =>
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })),
    );
    expect(stores.selection.getState()).toMatchObject({ index: 2 + columns, id: 3 + columns });
    const selected = byTestId(grid, 'grid-cell').filter(
      (c) => c.getAttribute('aria-selected') === 'true',
    );
    expect(selected.map((c) => c.dataset.assetId)).toEqual([String(3 + columns)]);
  });

  it('asks the engine to render the visible pending thumbnails first, once scrolling settles', async () => {
    const { transport, grid } = await renderGrid();
    expect(transport.callsOf('thumbs.prioritize')).toEqual([]);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, PRIORITIZE_DELAY_MS + 50));
    });
    const calls = transport.callsOf('thumbs.prioritize') as Array<{ ids: number[] }>;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.ids).toEqual(cellIds(grid));
  });
});
