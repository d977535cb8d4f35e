// Indexing progress: the initial `jobs.status`, then every `jobs.progress` event.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobProgress } from '../../../shared/dto';
import type { Client } from '../client';
import type { NoticesStore } from './notices-store';

export interface JobsState {
  /** null until the first status arrives. */
  progress: JobProgress | null;
  load(): Promise<void>;
  apply(progress: JobProgress): void;
}

export type JobsStore = StoreApi<JobsState>;

export function createJobsStore(client: Client, notices: NoticesStore): JobsStore {
  // An event can overtake the initial status call; the event is newer, so it wins.
  let sawEvent = false;
  return createStore<JobsState>()((set) => ({
    progress: null,
    async load() {
      try {
        const progress = await client.call('jobs.status', {});
        if (!sawEvent) set({ progress });
      } catch (cause) {
        notices.getState().report('Could not read the indexing status', cause);
      }
    },
    apply(progress) {
      sawEvent = true;
      set({ progress });
    },
  }));
}
