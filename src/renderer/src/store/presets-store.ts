// Channel presets: the list (refetched on 'presets.changed'), and the edits a user makes to
// them. Saves, copies and deletes answer with the engine's preset so the editor can show
// the new version at once; the event brings the list up to date.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChannelPreset, PresetBody } from '../../../shared/export-dto';
import type { Client } from '../client';
import type { NoticesStore } from './notices-store';

export interface PresetsState {
  presets: ChannelPreset[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  /** Loads once; later calls do nothing (events keep the list fresh). */
  ensure(): Promise<void>;
  /** Throws the engine's error, for the editor to show. */
  save(id: string, body: PresetBody): Promise<ChannelPreset>;
  copy(id: string): Promise<ChannelPreset>;
  /** A user's preset is removed; a built-in one goes back to what shipped. */
  remove(id: string): Promise<void>;
}

export type PresetsStore = StoreApi<PresetsState>;

export function createPresetsStore(client: Client, notices: NoticesStore): PresetsStore {
  const store = createStore<PresetsState>()((set, get) => ({
    presets: [],
    status: 'idle',
    error: null,
    async load() {
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
      try {
        const presets = await client.call('presets.list', {});
        set({ presets, status: 'ready', error: null });
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        set({ status: 'error', error: message });
        notices.getState().report('Could not load the channel presets', cause);
      }
    },
    async ensure() {
      if (get().status === 'idle') await get().load();
    },
    async save(id, body) {
      const saved = await client.call('presets.save', { id, preset: body });
      replace(saved);
      return saved;
    },
    async copy(id) {
      const copy = await client.call('presets.copy', { id });
      replace(copy);
      return copy;
    },
    async remove(id) {
      await client.call('presets.delete', { id });
      await get().load();
    },
  }));

  /** Puts one preset into the list at once (the event's refetch follows). */
  function replace(preset: ChannelPreset): void {
    store.setState(({ presets }) => ({
      presets: presets.some((p) => p.id === preset.id)
        ? presets.map((p) => (p.id === preset.id ? preset : p))
        : [...presets, preset].sort((a, b) => a.name.localeCompare(b.name)),
    }));
  }

  return store;
}
