// The grid's selected asset ids, as a drag from the grid carries them. One place to follow
// the selection store's shape (it gains a multi-selection on the organize branch: there,
// this becomes its set of ids).
import type { SelectionState } from '../store/selection-store';

export function selectionIds(state: Pick<SelectionState, 'id'>): number[] {
  return state.id !== null ? [state.id] : [];
}
