// The grid's selected asset ids, as a drag from the grid carries them. "All" of a list is
// never listed id by id, so then a drag carries only the dragged cell.
import type { SelectionState } from '../store/selection-store';

export function selectionIds(state: Pick<SelectionState, 'ids' | 'all'>): number[] {
  return state.all ? [] : [...state.ids];
}
