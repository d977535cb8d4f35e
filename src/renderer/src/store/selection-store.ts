// Which asset is selected. Kept by id (what the user picked) and by index (where it sits
// in the current list, for arrow keys); the id wins when the list shifts under it.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface SelectionState {
  index: number | null;
  id: number | null;
  select(index: number, id: number | null): void;
  clear(): void;
}

export type SelectionStore = StoreApi<SelectionState>;

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set) => ({
    index: null,
    id: null,
    select: (index, id) => set({ index, id }),
    clear: () => set({ index: null, id: null }),
  }));
}
