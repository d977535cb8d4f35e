// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import { Client } from '../../client';
import { createStores } from '../../store/create-stores';
import { rgbaToThumbHash } from 'thumbhash';
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
import { GRID, gridMetrics } from './grid-geometry';
import { BROWSING_EVERY_MS } from './use-browsing-signal';
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

/** When the grid counts a scroll as stopped: long, so a test is sure of "not yet". */
const SETTLE_MS = 500;
const stopScrolling = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 200));
  });

async function renderGrid(total = TOTAL, asset = (i: number) => makeAsset(i)) {
  const transport = new FakeTransport();
  serveAssets(transport, () => total, asset);
  transport.handle('assets.prioritize', ({ ids }) => ({ moved: ids.length }));
  const client = new Client(transport);
  const stores = createStores(client, { refetchDelayMs: 0, storage: null });
  mounted = await mount(<AssetGrid settleMs={SETTLE_MS} />, { client, stores });
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

  it('a jump renders the rows in view alone; a small scroll brings the overscan rows back', async () => {
    const { grid } = await renderGrid();
    const rowsShown = () => grid.querySelectorAll('[role=row]').length;
    await scrollTo(grid, 12_050 * rowHeight);
    const afterJump = rowsShown();
    expect(afterJump).toBeLessThanOrEqual(visibleRows);
    await scrollTo(grid, 12_050 * rowHeight + rowHeight);
    expect(rowsShown()).toBeGreaterThan(afterJump);
    expect(rowsShown()).toBeLessThanOrEqual(visibleRows + 4);
  });

  it('in a sweep, cells ask for their thumbnails once the scroll stops; after a single jump at once', async () => {
    const hash = 'b'.repeat(64);
    const { grid } = await renderGrid(TOTAL, (i) =>
      makeAsset(i, { state: 'ok', thumb: 'ready', hash }),
    );
    const cells = () => byTestId(grid, 'grid-cell');
    const thumbs = () => grid.querySelectorAll('img.cell-image').length;
    const everyThumb = () =>
      expect(cells().map((c) => c.querySelector('img.cell-image')?.getAttribute('src'))).toEqual(
        cells().map(() => `test-media://thumb/${hash}`),
      );
    everyThumb();
    // The pages cached first, so each jump's own render has its rows.
    await scrollTo(grid, 8_050 * rowHeight);
    await stopScrolling();
    await scrollTo(grid, 12_050 * rowHeight);
    await stopScrolling();
    await scrollTo(grid, 0);
    expect(cells().length).toBeGreaterThan(0);
    everyThumb();
    await scrollTo(grid, 8_050 * rowHeight);
    await scrollTo(grid, 12_050 * rowHeight);
    expect(cells().length).toBeGreaterThan(0);
    expect(thumbs()).toBe(0);
    expect(cells().every((c) => c.getAttribute('aria-busy') === 'true')).toBe(true);
    await stopScrolling();
    everyThumb();
    expect(cells().some((c) => c.hasAttribute('aria-busy'))).toBe(false);
  });

  it('a sweep (jumps in a row) asks for the page it stops on, not the pages it passed', async () => {
    const { grid, listOffsets } = await renderGrid();
    const pageAt = (row: number) => Math.floor((row * columns) / 500) * 500;
    await scrollTo(grid, 4_050 * rowHeight); // a single jump: its page at once
    expect(listOffsets()).toEqual([0, pageAt(4_050)]);
    await scrollTo(grid, 8_050 * rowHeight);
    await scrollTo(grid, 12_050 * rowHeight);
    expect(listOffsets()).toEqual([0, pageAt(4_050)]);
    expect(byTestId(grid, 'grid-cell-loading').length).toBeGreaterThan(0);
    await stopScrolling();
    expect(listOffsets()).toEqual([0, pageAt(4_050), pageAt(12_050)]);
    const ids = cellIds(grid);
    expect(ids.length).toBeGreaterThan(0);
    expect(Math.abs(Math.min(...ids) - 1 - 12_050 * columns)).toBeLessThanOrEqual(columns * 3);
  });

  it('while it scrolls, even in a sweep that asks for nothing, it tells the engine so, at most twice a second', async () => {
    const { grid, transport } = await renderGrid();
    const told = () => transport.callsOf('assets.browsing').length;
    const pause = () =>
      act(() => new Promise((resolve) => setTimeout(resolve, BROWSING_EVERY_MS + 50)));
    await pause(); // past whatever mounting scrolled
    const before = told();
    for (const row of [4_050, 8_050, 12_050]) await scrollTo(grid, row * rowHeight);
    expect(told()).toBe(before + 1);
    await pause();
    await scrollTo(grid, 16_050 * rowHeight);
    expect(told()).toBe(before + 2);
  });

  it('a row scrolled in takes the DOM of one scrolled out, and a jump patches the rows in place', async () => {
    const { grid } = await renderGrid();
    const rowEls = () => [...grid.querySelectorAll<HTMLElement>('[role=row]')];
    // Every row shows its own list row's cells, whichever DOM row it landed in.
    const rowsShowTheirCells = () => {
      for (const row of rowEls()) {
        const first = (Number(row.getAttribute('aria-rowindex')) - 1) * columns;
        const ids = byTestId(row, 'grid-cell').map((c) => Number(c.dataset.assetId));
        expect(ids).toEqual(Array.from({ length: columns }, (_, i) => first + i + 1));
      }
    };
    await scrollTo(grid, 100 * rowHeight);
    await scrollTo(grid, 100 * rowHeight + rowHeight / 2); // overscan rows back
    const before = rowEls();
    const indices = () => rowEls().map((r) => Number(r.getAttribute('aria-rowindex')));
    const shown = indices();
    await scrollTo(grid, 101 * rowHeight + rowHeight / 2);
    expect(indices()).not.toEqual(shown);
    expect(new Set(rowEls())).toEqual(new Set(before));
    rowsShowTheirCells();

    await scrollTo(grid, 5_000 * rowHeight);
    expect(rowEls().every((row) => before.includes(row))).toBe(true);
    await stopScrolling();
    expect(Math.min(...indices())).toBeGreaterThan(4_990);
    rowsShowTheirCells();
  });

  it('gives assistive technology the rows in visual order, whatever their DOM order', async () => {
    const { grid } = await renderGrid();
    await scrollTo(grid, 100 * rowHeight);
    await scrollTo(grid, 100 * rowHeight + rowHeight / 2); // overscan rows back
    await scrollTo(grid, 101 * rowHeight + rowHeight / 2); // a row scrolled in takes a freed slot
    const rowIndices = (rows: Element[]) =>
      rows.map((r) => Number(r.getAttribute('aria-rowindex')));
    const domOrder = rowIndices([...grid.querySelectorAll('[role=row]')]);
    expect(domOrder).not.toEqual([...domOrder].sort((a, b) => a - b)); // the case that matters
    // The rows' owner lists them in aria-owns, which sets their order in the accessibility
    // tree (screen readers read and navigate that, not the DOM).
    const group = grid.querySelector('[role=rowgroup]');
    const owned = (group?.getAttribute('aria-owns') ?? '').split(' ').filter(Boolean);
    const rows = owned.map((id) => document.getElementById(id));
    expect(rows.every((row) => row?.getAttribute('role') === 'row')).toBe(true);
    expect(rowIndices(rows as Element[])).toEqual([...domOrder].sort((a, b) => a - b));
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
    expect(transport.callsOf('assets.prioritize')).toEqual([]);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, PRIORITIZE_DELAY_MS + 50));
    });
    const calls = transport.callsOf('assets.prioritize') as Array<{ ids: number[] }>;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.ids).toEqual(cellIds(grid));
  });
});

const key = (grid: HTMLElement, k: string) =>
  act(() => grid.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('AssetGrid keyboard and loupe', () => {
  const { columns, rowHeight } = gridMetrics(WIDTH);

  it('goes to the first and last asset with Home and End, and keeps the selection in view', async () => {
    const { grid, stores, listOffsets } = await renderGrid();
    act(() => byTestId(grid, 'grid-cell')[0]?.click());
    await key(grid, 'End');
    await flush();
    expect(stores.selection.getState().index).toBe(TOTAL - 1);
    const lastRow = Math.floor((TOTAL - 1) / columns);
    expect(grid.scrollTop).toBeGreaterThan((lastRow - 5) * rowHeight);
    await flush();
    expect(listOffsets()).toContain(99_500);
    expect(cellIds(grid)).toContain(TOTAL);

    await key(grid, 'Home');
    await flush();
    expect(stores.selection.getState()).toMatchObject({ index: 0, id: 1 });
    expect(grid.scrollTop).toBeLessThanOrEqual(GRID.padding / 2); // the first row's top
  });

  it('scrolls to a selection made elsewhere (the loupe), and loads its page', async () => {
    const { grid, stores, listOffsets } = await renderGrid();
    act(() => stores.selection.getState().select(42_000, null));
    await flush();
    await flush();
    expect(Math.abs(grid.scrollTop - Math.floor(42_000 / columns) * rowHeight)).toBeLessThan(
      HEIGHT,
    );
    expect(listOffsets()).toContain(42_000);
    // The id is filled in once its page has arrived.
    expect(stores.selection.getState()).toMatchObject({ index: 42_000, id: 42_001 });
  });

  it('opens the loupe on the selection with Space, and on a double-clicked cell', async () => {
    const { grid, stores } = await renderGrid();
    await key(grid, ' ');
    expect(stores.loupe.getState().open).toBe(false); // nothing selected yet
    act(() => byTestId(grid, 'grid-cell')[2]?.click());
    await key(grid, ' ');
    expect(stores.loupe.getState().open).toBe(true);
    expect(stores.selection.getState()).toMatchObject({ index: 2, id: 3 });

    act(() => stores.loupe.getState().close());
    act(() => {
      byTestId(grid, 'grid-cell')[4]?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    });
    expect(stores.loupe.getState().open).toBe(true);
    expect(stores.selection.getState()).toMatchObject({ index: 4, id: 5 });
  });
});

/** A real ThumbHash (base64) of a flat orange 8×8 image. */
function orangeHash(): string {
  const rgba = new Uint8Array(8 * 8 * 4);
  for (let i = 0; i < 64; i++) rgba.set([240, 140, 20, 255], i * 4);
  return btoa(String.fromCharCode(...rgbaToThumbHash(8, 8, rgba)));
}

describe('AssetGrid cells', () => {
  it('paints the placeholder while the thumbnail is pending, and the thumbnail over it once ready', async () => {
    const placeholder = orangeHash();
    const hash = 'c'.repeat(64);
    const { grid } = await renderGrid(3, (i) =>
      makeAsset(i, {
        placeholder,
        ...(i === 1 ? { state: 'ok', thumb: 'ready', hash } : {}),
        ...(i === 2 ? { placeholder: null } : {}),
      }),
    );
    const [pending, ready, bare] = byTestId(grid, 'grid-cell');
    const painted = pending?.querySelector('[data-testid="cell-placeholder"]');
    expect(painted?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(pending?.querySelectorAll('img')).toHaveLength(1);

    // Until the thumbnail has loaded, the placeholder stays under it.
    const thumb = ready?.querySelector('img.cell-image');
    expect(thumb?.getAttribute('src')).toBe(`test-media://thumb/${hash}`);
    expect(ready?.querySelector('[data-testid="cell-placeholder"]')).not.toBeNull();
    act(() => {
      thumb?.dispatchEvent(new Event('load'));
    });
    expect(ready?.querySelector('[data-testid="cell-placeholder"]')).toBeNull();

    expect(bare?.querySelector('img')).toBeNull();
    expect(bare?.querySelector('.cell-placeholder.is-pending')).not.toBeNull();
  });

  it('badges missing, offline, copies and versions', async () => {
    const { grid } = await renderGrid(5, (i) =>
      makeAsset(
        i,
        [
          { state: 'ok' as const },
          { state: 'missing' as const },
          { state: 'offline' as const },
          { state: 'ok' as const, duplicateOf: 1 },
          { state: 'ok' as const, versions: 3 },
        ][i],
      ),
    );
    const cells = byTestId(grid, 'grid-cell');
    const badges = (testId: string) =>
      byTestId(grid, testId).map((b) => ({
        id: b.closest<HTMLElement>('[data-testid="grid-cell"]')?.dataset.assetId,
        text: b.textContent,
      }));
    expect(cells[0]?.querySelector('.cell-tags')).toBeNull();
    expect(badges('cell-badge-missing')).toEqual([{ id: '2', text: 'Missing' }]);
    expect(badges('cell-badge-offline')).toEqual([{ id: '3', text: 'Offline' }]);
    expect(badges('cell-badge-duplicate')).toEqual([{ id: '4', text: 'Copy of #1' }]);
    expect(badges('cell-badge-versions')).toEqual([{ id: '5', text: 'v3' }]);
    expect(cells[1]?.className).toContain('is-missing');
  });
});
