// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { nextIndex } from './keyboard-nav';

const grid = { columns: 4, total: 10, rowsPerPage: 2 };

describe('nextIndex', () => {
  it('moves by one across and by a row up and down', () => {
    expect(nextIndex('ArrowRight', { ...grid, current: 5 })).toBe(6);
    expect(nextIndex('ArrowLeft', { ...grid, current: 5 })).toBe(4);
    expect(nextIndex('ArrowDown', { ...grid, current: 1 })).toBe(5);
    expect(nextIndex('ArrowUp', { ...grid, current: 5 })).toBe(1);
  });

  it('stops at the edges', () => {
    expect(nextIndex('ArrowLeft', { ...grid, current: 0 })).toBe(0);
    expect(nextIndex('ArrowRight', { ...grid, current: 9 })).toBe(9);
    expect(nextIndex('ArrowUp', { ...grid, current: 2 })).toBe(2);
    // Row 2 holds only 8 and 9: down from 7 would land past the end, so it stays.
    expect(nextIndex('ArrowDown', { ...grid, current: 7 })).toBe(7);
  });

  it('pages, and jumps to the ends', () => {
    expect(nextIndex('PageDown', { ...grid, current: 0 })).toBe(8);
    expect(nextIndex('PageUp', { ...grid, current: 9 })).toBe(1);
    expect(nextIndex('Home', { ...grid, current: 6 })).toBe(0);
    expect(nextIndex('End', { ...grid, current: 6 })).toBe(9);
  });

  it('starts at the first cell when nothing is selected', () => {
    expect(nextIndex('ArrowDown', { ...grid, current: null })).toBe(0);
    expect(nextIndex('End', { ...grid, current: null })).toBe(9);
  });

  it('ignores other keys and empty grids', () => {
    expect(nextIndex('a', { ...grid, current: 3 })).toBeNull();
    expect(nextIndex('a', { ...grid, current: null })).toBeNull();
    expect(nextIndex('ArrowRight', { ...grid, total: 0, current: null })).toBeNull();
  });
});
