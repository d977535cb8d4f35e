// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { GRID, gridMetrics } from './grid-geometry';

describe('gridMetrics', () => {
  it('fits as many minimum-width cells as the width allows', () => {
    const width = GRID.padding + 4 * GRID.minCell + 3 * GRID.gap;
    expect(gridMetrics(width).columns).toBe(4);
    expect(gridMetrics(width - 1).columns).toBe(3);
  });

  it('fits more, smaller cells as the thumbnail size goes down', () => {
    expect(gridMetrics(1000, 96).columns).toBe(9);
    expect(gridMetrics(1000, 168).columns).toBe(5);
    expect(gridMetrics(1000, 320).columns).toBe(2);
    expect(gridMetrics(1000, 320).cellWidth).toBeGreaterThanOrEqual(320);
  });

  it('keeps at least one column, even before the container is measured', () => {
    expect(gridMetrics(0).columns).toBe(1);
  });

  it('makes rows as tall as a square thumbnail plus caption and gap', () => {
    const m = gridMetrics(1000);
    expect(m.columns * m.cellWidth + (m.columns - 1) * GRID.gap).toBeLessThanOrEqual(
      1000 - GRID.padding,
    );
    expect(m.rowHeight).toBe(m.cellWidth + GRID.caption + GRID.gap);
  });
});
