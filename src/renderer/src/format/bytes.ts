// File sizes for people: decimal units (1 KB = 1000 B), as Finder and most file managers show.
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

const exact = new Intl.NumberFormat('en-US');

/** "0 B", "999 B", "1.2 MB", "12 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  // One decimal below 10 ("1.2 MB"), whole numbers above ("12 MB").
  let shown = value < 9.95 ? Math.round(value * 10) / 10 : Math.round(value);
  // Rounding can reach the next unit (999.6 KB → "1000 KB"): promote it.
  if (shown >= 1000 && unit < UNITS.length - 1) {
    unit += 1;
    shown = 1;
  }
  const text = Number.isInteger(shown) && shown < 10 ? shown.toFixed(1) : String(shown);
  return `${text} ${UNITS[unit] ?? ''}`;
}

/** "1,234,567 bytes": the exact figure, for tooltips. */
export function formatExactBytes(bytes: number): string {
  return `${exact.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
