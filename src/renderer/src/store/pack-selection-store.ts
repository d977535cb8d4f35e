// What a pack is made of, shared by pre-flight and export: the channels (preset ids, or a
// channel id standing for all its presets) and an optional product query.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface PackSelectionState {
  channels: string[];
  query: string;
  toggle(channel: string): void;
  setChannels(channels: string[]): void;
  setQuery(query: string): void;
}

export type PackSelectionStore = StoreApi<PackSelectionState>;

export function createPackSelectionStore(): PackSelectionStore {
  return createStore<PackSelectionState>()((set) => ({
    channels: [],
    query: '',
    toggle: (channel) =>
      set(({ channels }) => ({
        channels: channels.includes(channel)
          ? channels.filter((c) => c !== channel)
          : [...channels, channel],
      })),
    setChannels: (channels) => set({ channels: [...new Set(channels)] }),
    setQuery: (query) => set({ query }),
  }));
}

/** The selection as exports.check and exports.start take it (a blank query means all). */
export function selectionArgs(state: Pick<PackSelectionState, 'channels' | 'query'>): {
  channels: string[];
  query?: string;
} {
  const query = state.query.trim();
  return query === '' ? { channels: state.channels } : { channels: state.channels, query };
}
