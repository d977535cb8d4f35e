// Whole numbers with grouping. The UI's text is English, so the grouping is too: a fixed
// locale keeps status text stable for tests and screenshots.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return grouped.format(n);
}

/** "2.5 files/s" below ten, "1,234 files/s" above. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0 files/s';
  const shown =
    perSecond < 10 ? (Math.round(perSecond * 10) / 10).toFixed(1) : grouped.format(perSecond);
  return `${shown} files/s`;
}
