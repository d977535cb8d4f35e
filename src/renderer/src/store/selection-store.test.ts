import { describe, expect, it } from 'vitest';
import { createSelectionStore, isSelected, selectedCount } from './selection-store';

describe('selection', () => {
  it('a click selects one frame; Ctrl-click adds and removes; the last one is the focus', () => {
    const store = createSelectionStore();
    store.getState().select(0, 1);
    store.getState().toggle(4, 5);
    store.getState().toggle(7, 8);
    expect([...store.getState().ids]).toEqual([1, 5, 8]);
    expect(store.getState()).toMatchObject({ index: 7, id: 8 });
    store.getState().toggle(4, 5);
    expect([...store.getState().ids]).toEqual([1, 8]);
    // The last frame of a selection stays: a selection is never emptied by Ctrl-click.
    store.getState().select(0, 1);
    store.getState().toggle(0, 1);
    expect([...store.getState().ids]).toEqual([1]);
  });

  it('Shift-click selects from the anchor (the last plain or Ctrl click)', () => {
    const store = createSelectionStore();
    store.getState().select(2, 3);
    store.getState().extend(5, 6, [3, 4, 5, 6]);
    expect(store.getState().anchor).toBe(2);
    expect([...store.getState().ids]).toEqual([3, 4, 5, 6]);
    store.getState().extend(0, 1, [1, 2, 3]);
    expect([...store.getState().ids]).toEqual([1, 2, 3]);
  });

  it('select all covers the whole list without listing it, until the next click', () => {
    const store = createSelectionStore();
    store.getState().select(0, 1);
    store.getState().selectAll();
    expect(selectedCount(store.getState(), 100_000)).toBe(100_000);
    expect(isSelected(store.getState(), 99_999, undefined)).toBe(true);
    store.getState().select(3, 4);
    expect(selectedCount(store.getState(), 100_000)).toBe(1);
    expect(isSelected(store.getState(), 0, 1)).toBe(false);
    expect(isSelected(store.getState(), 3, 4)).toBe(true);
  });
});
