// The compare view: two or more selected frames side by side, one of them under focus
// (the one culling keys act on; arrows move the focus).
import { createStore, type StoreApi } from 'zustand/vanilla';

/** More frames than this do not fit side by side at a useful size. */
export const MAX_COMPARED = 8;

export interface CompareState {
  open: boolean;
  ids: readonly number[];
  focus: number;
  /** Opens on these frames (the first MAX_COMPARED); fewer than two is not a comparison. */
  show(ids: readonly number[]): boolean;
  close(): void;
  /** Moves the focus by `delta` frames, staying inside the row. */
  move(delta: number): void;
  setFocus(position: number): void;
}

export type CompareStore = StoreApi<CompareState>;

export function createCompareStore(): CompareStore {
  return createStore<CompareState>()((set, get) => ({
    open: false,
    ids: [],
    focus: 0,
    show(ids) {
      if (ids.length < 2) return false;
      set({ open: true, ids: ids.slice(0, MAX_COMPARED), focus: 0 });
      return true;
    },
    close: () => set({ open: false, ids: [], focus: 0 }),
    move(delta) {
      const { ids, focus } = get();
      set({ focus: Math.min(Math.max(focus + delta, 0), ids.length - 1) });
    },
    setFocus(position) {
      if (position >= 0 && position < get().ids.length) set({ focus: position });
    },
  }));
}

/** The id of the frame under focus, if the view is open. */
export function focusedId(state: CompareState): number | null {
  return state.open ? (state.ids[state.focus] ?? null) : null;
}
