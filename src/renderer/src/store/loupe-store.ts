// The full-window loupe over the grid: whether it is open, and at which zoom. It always
// shows the selected asset, so moving through it is moving the selection.
import { createStore, type StoreApi } from 'zustand/vanilla';

/** 'fit': the whole image in the window; '1:1': one preview pixel per device pixel. */
export type LoupeZoom = 'fit' | '1:1';

export interface LoupeState {
  open: boolean;
  zoom: LoupeZoom;
  show(): void;
  /** Closes it; the next opening starts at fit. */
  close(): void;
  toggleZoom(): void;
  /**
   * A spin's frame on show (any integer: the viewer takes it modulo its frame count, so
   * turning wraps round); back to 0 for each asset shown.
   */
  frame: number;
  turn(delta: number): void;
  setFrame(frame: number): void;
}

export type LoupeStore = StoreApi<LoupeState>;

export function createLoupeStore(): LoupeStore {
  return createStore<LoupeState>()((set) => ({
    open: false,
    zoom: 'fit',
    frame: 0,
    show: () => set({ open: true, frame: 0 }),
    close: () => set({ open: false, zoom: 'fit', frame: 0 }),
    toggleZoom: () => set((s) => ({ zoom: s.zoom === 'fit' ? '1:1' : 'fit' })),
    turn: (delta) => set((s) => ({ frame: s.frame + delta })),
    setFrame: (frame) => set({ frame }),
  }));
}
