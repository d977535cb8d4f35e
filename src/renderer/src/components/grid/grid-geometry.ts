// How many cells fit in a row, and how tall a row is, for a given container width.

export interface GridMetrics {
  columns: number;
  cellWidth: number;
  rowHeight: number;
}

export const GRID = {
  /** Default smallest cell width; the thumbnail-size slider sets another. */
  minCell: 168,
  gap: 10,
  /** Left + right padding of the scroll container (must match grid.css). */
  padding: 32,
  /** Caption under each thumbnail (must match grid.css). */
  caption: 30,
} as const;

/** Cells never get narrower than `minCell`; extra width widens them until one more fits. */
export function gridMetrics(containerWidth: number, minCell: number = GRID.minCell): GridMetrics {
  const inner = Math.max(containerWidth - GRID.padding, minCell);
  const columns = Math.max(1, Math.floor((inner + GRID.gap) / (minCell + GRID.gap)));
  const cellWidth = Math.floor((inner - GRID.gap * (columns - 1)) / columns);
  return { columns, cellWidth, rowHeight: cellWidth + GRID.caption + GRID.gap };
}
