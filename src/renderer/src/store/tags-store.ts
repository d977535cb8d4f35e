// The keyword list (tags.list: flat, with parent ids and counts), loaded when something
// shows it and reloaded on tags.changed once loaded.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Tag } from '../../../shared/dto';
import type { Client } from '../client';
import type { NoticesStore } from './notices-store';

export interface TagsState {
  tags: readonly Tag[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Loads the list unless it is loaded or loading. */
  ensureLoaded(): void;
  /** tags.changed: reloads, if anything has asked for the list. */
  refresh(): Promise<void>;
}

export type TagsStore = StoreApi<TagsState>;

export function createTagsStore(client: Client, notices: NoticesStore): TagsStore {
  /** Bumped per request: only the newest reply is kept. */
  let request = 0;
  return createStore<TagsState>()((set, get) => {
    const load = async (): Promise<void> => {
      const mine = ++request;
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        const tags = await client.call('tags.list', {});
        if (mine === request) set({ tags, status: 'ready' });
      } catch (cause) {
        if (mine !== request) return;
        set({ status: 'error' });
        notices.getState().report('Could not load the keywords', cause);
      }
    };
    return {
      tags: [],
      status: 'idle',
      ensureLoaded() {
        if (get().status === 'idle' || get().status === 'error') void load();
      },
      refresh: () => (get().status === 'idle' ? Promise.resolve() : load()),
    };
  });
}
