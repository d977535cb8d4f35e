// Where the selection goes for a key press in a grid of `columns` cells per row.

export interface GridPosition {
  /** Currently selected index, or null when nothing is selected. */
  current: number | null;
  columns: number;
  total: number;
  /** Whole rows visible, for Page Up / Page Down. */
  rowsPerPage: number;
}

/** The new index, or null when the key is not a navigation key (or there is nothing). */
export function nextIndex(key: string, pos: GridPosition): number | null {
  const { current, columns, total, rowsPerPage } = pos;
  if (total <= 0) return null;
  const last = total - 1;
  const clamp = (i: number): number => Math.min(Math.max(i, 0), last);
  if (current === null) {
    return isNavigationKey(key) ? (key === 'End' ? last : 0) : null;
  }
  switch (key) {
    case 'ArrowRight':
      return clamp(current + 1);
    case 'ArrowLeft':
      return clamp(current - 1);
    // Moving down from a short last row stays put rather than jumping sideways.
    case 'ArrowDown':
      return current + columns <= last ? current + columns : current;
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current;
    case 'PageDown':
      return clamp(current + columns * Math.max(1, rowsPerPage));
    case 'PageUp':
      return clamp(current - columns * Math.max(1, rowsPerPage));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

const NAVIGATION_KEYS = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowDown',
  'ArrowUp',
  'PageDown',
  'PageUp',
  'Home',
  'End',
]);

function isNavigationKey(key: string): boolean {
  return NAVIGATION_KEYS.has(key);
}
