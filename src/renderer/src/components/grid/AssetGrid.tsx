// The thumbnail grid. Virtualizes rows (N cells each, N from the width), asks the store
// only for the pages of rows on screen, and tells the engine which thumbnails to render
// first. Click selects (Ctrl/Cmd-click adds, Shift-click a range); arrow keys, Page Up/Down,
// Home and End move the selection, which is kept in view; Space or a double-click opens the
// loupe on it. The thumbnail-size preference sets the column count.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useServices } from '../../app-context';
import { dragIdsFor, writeAssetDrag } from '../../dnd/asset-drag';
import { selectionIds } from '../../dnd/selection-ids';
import { assetAt, locateAsset, type Pages } from '../../store/asset-pages';
import { isSelected } from '../../store/selection-store';
import { useAssets, usePrefs, useSelection } from '../../store-hooks';
import { cellDomId, GridCell } from './GridCell';
import { GRID, gridMetrics } from './grid-geometry';
import { nextIndex } from './keyboard-nav';
import { createRowSlots, inSlotOrder } from './row-slots';
import type { SelectMode } from './select-mode';
import { useElementWidth } from './use-element-width';
import { useBrowsingSignal } from './use-browsing-signal';
import { usePrioritizeVisible } from './use-prioritize-visible';

const OVERSCAN_ROWS = 2;
/** Scrolling counts as stopped this long after the last scroll event. */
const SCROLL_SETTLE_MS = 100;

/** `settleMs`: when scrolling counts as stopped (tests lengthen it, to be sure of "not yet"). */
export function AssetGrid({ settleMs = SCROLL_SETTLE_MS }: { settleMs?: number } = {}) {
  const { client, stores } = useServices();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  useBrowsingSignal(scrollRef);
  const thumbSize = usePrefs((s) => s.thumbSize);
  const { columns, rowHeight } = gridMetrics(width, thumbSize);

  const total = useAssets((s) => s.total);
  const pages = useAssets((s) => s.pages);
  const error = useAssets((s) => s.error);
  const selectedId = useSelection((s) => s.id);
  const selectedIndex = useSelection((s) => s.index);
  const selection = useSelection((s) => s);

  const count = total ?? 0;
  const rowCount = Math.ceil(count / columns);
  // Overscan rows are for a scroll that moves a little: after a jump (a sweep, End, a drag of
  // the scrollbar) every row is new, and rows off screen would only double the frame's work.
  const lastStart = useRef(0);
  /** Jumps in a row: 1 for a single jump (End, a click on the track), more in a sweep. */
  const jumps = useRef(0);
  const rangeExtractor = useCallback((range: Range) => {
    const jumped =
      Math.abs(range.startIndex - lastStart.current) > range.endIndex - range.startIndex;
    lastStart.current = range.startIndex;
    jumps.current = jumped ? jumps.current + 1 : 0;
    return defaultRangeExtractor(jumped ? { ...range, overscan: 0 } : range);
  }, []);
  // No React Compiler here; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN_ROWS,
    rangeExtractor,
    paddingStart: GRID.padding / 2,
    paddingEnd: GRID.padding / 2,
    isScrollingResetDelay: settleMs,
  });

  // Row height follows the width; cached sizes must be dropped when it changes.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const rows = virtualizer.getVirtualItems();
  // Rows render by slot (row-slots.ts): one scrolled in reuses the DOM of one scrolled out.
  // The same rows give the same slots, so a second render of this one agrees with the first.
  const [rowSlots] = useState(createRowSlots);
  const slotOf = rowSlots.assign(rows.map((row) => row.index));
  // In a sweep (jumps in a row: a scrollbar drag, a fling) the rows reached are gone a frame
  // later: their cells ask for thumbnails, and the grid for pages, once the scroll stops.
  // Each page asked for on the way cost the serving process a query and this page a parse,
  // and each thumbnail a request, for rows nobody saw. A single jump asks at once.
  const sweeping = jumps.current > 1 && virtualizer.isScrolling;
  // A stop ends the sweep: the next jump is a single one again.
  const scrolling = virtualizer.isScrolling;
  useEffect(() => {
    if (!scrolling) jumps.current = 0;
  }, [scrolling]);
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;

  // Keep the first visible cell in view when the column count changes (window resize).
  // The anchor is recorded after each commit, so the resize render still sees the old one.
  const anchorIndex = useRef(0);
  const previousColumns = useRef(columns);
  useLayoutEffect(() => {
    if (previousColumns.current === columns) return;
    previousColumns.current = columns;
    if (anchorIndex.current > 0) {
      virtualizer.scrollToIndex(Math.floor(anchorIndex.current / columns), { align: 'start' });
    }
  }, [columns, virtualizer]);
  const visibleStartRow = virtualizer.range?.startIndex ?? firstRow;
  useLayoutEffect(() => {
    anchorIndex.current = visibleStartRow * columns;
  }, [visibleStartRow, columns]);

  useEffect(() => {
    if (sweeping) return;
    stores.assets.getState().ensureRange(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [stores, firstRow, lastRow, columns, sweeping]);

  const pendingOnScreen: number[] = [];
  for (let i = firstRow * columns; i < Math.min(count, (lastRow + 1) * columns); i++) {
    const asset = assetAt(pages, i);
    if (asset !== undefined && asset.thumb === 'pending') pendingOnScreen.push(asset.id);
  }
  usePrioritizeVisible(pendingOnScreen);

  // Where the selection is now: by id if it is loaded (the list may have shifted).
  const located = selectedId !== null ? locateAsset(pages, selectedId, selectedIndex) : undefined;
  const currentIndex = located?.index ?? selectedIndex;

  // A selection made by index on a page that was still loading gets its id once it lands.
  useEffect(() => {
    if (selectedId !== null || selectedIndex === null) return;
    const asset = assetAt(pages, selectedIndex);
    if (asset !== undefined) stores.selection.getState().select(selectedIndex, asset.id);
  }, [pages, selectedId, selectedIndex, stores]);

  const select = useCallback(
    (index: number, id: number | null, mode: SelectMode) => {
      const selection = stores.selection.getState();
      if (id !== null && mode === 'toggle') selection.toggle(index, id);
      else if (id !== null && mode === 'range') {
        const from = selection.anchor ?? index;
        selection.extend(index, id, loadedIds(stores.assets.getState().pages, from, index));
      } else selection.select(index, id);
      scrollRef.current?.focus({ preventScroll: true });
    },
    [stores],
  );

  const open = useCallback(
    (index: number, id: number | null) => {
      stores.selection.getState().select(index, id);
      stores.loupe.getState().show();
    },
    [stores],
  );

  // Dragging a cell onto a product carries the selection if the cell is in it, else itself.
  const dragStart = useCallback(
    (event: DragEvent<HTMLDivElement>, id: number) => {
      const ids = dragIdsFor(id, selectionIds(stores.selection.getState()));
      const name = event.currentTarget.dataset.name ?? '';
      writeAssetDrag(event.dataTransfer, ids, ids.length === 1 ? name : `${ids.length} files`);
    },
    [stores],
  );

  // Whoever moved the selection (keys here, arrows in the loupe, a "copy of" link), its cell
  // comes into view. Only the chosen index counts: rows shifting under it during a scan must
  // not drag the user's scroll position along.
  useEffect(() => {
    if (selectedIndex === null) return;
    virtualizer.scrollToIndex(Math.floor(selectedIndex / columns), { align: 'auto' });
  }, [selectedIndex, columns, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === ' ' && !event.repeat) {
      event.preventDefault();
      if (currentIndex !== null && currentIndex < count)
        open(currentIndex, located?.asset.id ?? selectedId);
      return;
    }
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const next = nextIndex(event.key, {
      current: currentIndex,
      columns,
      total: count,
      rowsPerPage: Math.max(1, Math.floor(viewport / rowHeight)),
    });
    if (next === null) return;
    event.preventDefault();
    stores.selection.getState().select(next, assetAt(pages, next)?.id ?? null);
  };

  const renderRow = (rowIndex: number): ReactNode[] => {
    const cells: ReactNode[] = [];
    const start = rowIndex * columns;
    const end = Math.min(count, start + columns);
    for (let index = start; index < end; index++) {
      const asset = assetAt(pages, index);
      const focused =
        asset !== undefined && selectedId !== null
          ? asset.id === selectedId
          : index === currentIndex;
      const selected = focused || isSelected(selection, index, asset?.id);
      const hash = asset?.thumb === 'ready' ? asset.hash : null;
      const thumbUrl = hash !== null && !sweeping ? client.thumbUrl(hash) : null;
      const stripUrl =
        thumbUrl !== null && asset?.kind === 'video' && hash !== null
          ? client.stripUrl(hash)
          : null;
      cells.push(
        <GridCell
          key={index - start}
          index={index}
          asset={asset}
          selected={selected}
          focused={focused}
          held={hash !== null && sweeping}
          thumbUrl={thumbUrl}
          stripUrl={stripUrl}
          onSelect={select}
          onOpen={open}
          onDragStart={dragStart}
        />,
      );
    }
    return cells;
  };

  return (
    <div className="grid-area">
      <div
        ref={scrollRef}
        className="grid-scroll"
        data-testid="grid"
        role="grid"
        aria-label="Media"
        aria-rowcount={rowCount}
        aria-colcount={columns}
        aria-multiselectable="true"
        aria-activedescendant={
          currentIndex !== null && currentIndex < count ? cellDomId(currentIndex) : undefined
        }
        aria-busy={total === null}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {/* The DOM holds rows in slot order; aria-owns gives screen readers, which read and
            navigate the accessibility tree, the rows in visual order. */}
        <div
          className="grid-canvas"
          role="rowgroup"
          aria-owns={rows.map((row) => rowDomId(row.index)).join(' ')}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {inSlotOrder(rows, slotOf).map((row) => (
            <div
              key={slotOf.get(row.index)}
              id={rowDomId(row.index)}
              role="row"
              aria-rowindex={row.index + 1}
              className="grid-row"
              style={{
                height: row.size,
                transform: `translateY(${row.start}px)`,
                gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              }}
            >
              {renderRow(row.index)}
            </div>
          ))}
        </div>
      </div>
      <GridMessage total={total} error={error} onRetry={() => stores.assets.getState().retry()} />
    </div>
  );
}

const rowDomId = (rowIndex: number): string => `grid-row-${rowIndex}`;

/**
 * The ids of the loaded frames between two indices (inclusive). A Shift-click range spans
 * rows the user has scrolled through, so their pages are in the cache.
 */
function loadedIds(pages: Pages, a: number, b: number): number[] {
  const ids: number[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const asset = assetAt(pages, i);
    if (asset !== undefined) ids.push(asset.id);
  }
  return ids;
}

function GridMessage({
  total,
  error,
  onRetry,
}: {
  total: number | null;
  error: string | null;
  onRetry: () => void;
}) {
  if (error !== null) {
    return (
      <div className="grid-message is-error" role="alert">
        <p>The media list could not be loaded: {error}</p>
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  }
  if (total === null) return <div className="grid-message">Loading…</div>;
  if (total === 0) {
    return (
      <div className="grid-message">
        <p>No media here yet.</p>
        <p className="dim">New files appear as soon as Packshot finds them.</p>
      </div>
    );
  }
  return null;
}
