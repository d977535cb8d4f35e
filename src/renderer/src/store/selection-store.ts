// Which assets are selected. The focus (the frame the preview, loupe and arrows follow) is
// kept by id (what the user picked) and by index (where it sits in the current list); the
// id wins when the list shifts under it. Around it, a multi-selection: a set of ids (click,
// Ctrl/Cmd-click, Shift-click), or "all" of the current list, which is never listed id by id
// here (a 100,000-asset list is not in memory): actions resolve it when they run.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface SelectionState {
  /** The focused frame. */
  index: number | null;
  id: number | null;
  /** Selected ids, the focus's included once known. Ignored while `all` is set. */
  ids: ReadonlySet<number>;
  /** Every asset of the current list. */
  all: boolean;
  /** Where Shift-click ranges start. */
  anchor: number | null;
  /** Selects one frame alone (a click, the arrows). */
  select(index: number, id: number | null): void;
  /** Adds or removes one frame, keeping the rest (Ctrl/Cmd-click); it becomes the focus. */
  toggle(index: number, id: number): void;
  /** Selects the frames from the anchor to `index` (Shift-click); `ids` are theirs. */
  extend(index: number, id: number, ids: readonly number[]): void;
  selectAll(): void;
  clear(): void;
}

export type SelectionStore = StoreApi<SelectionState>;

const NONE: ReadonlySet<number> = new Set();

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set, get) => ({
    index: null,
    id: null,
    ids: NONE,
    all: false,
    anchor: null,
    select: (index, id) =>
      set({ index, id, ids: id === null ? NONE : new Set([id]), all: false, anchor: index }),
    toggle: (index, id) => {
      const ids = new Set(get().all ? [] : get().ids);
      if (ids.has(id) && ids.size > 1) ids.delete(id);
      else ids.add(id);
      set({ index, id, ids, all: false, anchor: index });
    },
    extend: (index, id, rangeIds) => {
      const anchor = get().anchor ?? index;
      set({ index, id, ids: new Set([...rangeIds, id]), all: false, anchor });
    },
    selectAll: () => set({ all: true }),
    clear: () => set({ index: null, id: null, ids: NONE, all: false, anchor: null }),
  }));
}

/** How many frames the selection holds, given the list's total. */
export function selectedCount(state: SelectionState, total: number | null): number {
  if (state.all) return total ?? 0;
  return state.ids.size;
}

/** Whether the frame at `index` (with `id`, once loaded) is selected. */
export function isSelected(state: SelectionState, index: number, id: number | undefined): boolean {
  if (state.all) return true;
  if (id !== undefined && state.ids.has(id)) return true;
  return id === undefined && index === state.index;
}
