// Durable jobs as the Jobs panel shows them: the list from jobs.list, patched by each
// 'jobs.changed' event (a null job: rows of another process moved, read the list again).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobInfo } from '../../../shared/job-dto';
import type { Client } from '../client';
import type { NoticesStore } from './notices-store';

export interface JobListState {
  jobs: readonly JobInfo[];
  open: boolean;
  load: () => Promise<void>;
  apply: (job: JobInfo | null) => void;
  toggle: () => void;
  cancel: (id: number) => Promise<void>;
  retry: (id: number) => Promise<void>;
}

export type JobListStore = StoreApi<JobListState>;

const LIMIT = 100;

export function createJobListStore(client: Client, notices: NoticesStore): JobListStore {
  const report = (title: string, cause: unknown): void => notices.getState().report(title, cause);
  return createStore<JobListState>()((set, get) => ({
    jobs: [],
    open: false,
    async load() {
      try {
        set({ jobs: await client.call('jobs.list', { limit: LIMIT }) });
      } catch (cause) {
        report('Could not read the jobs', cause);
      }
    },
    apply(job) {
      if (job === null) return void get().load();
      const jobs = get().jobs;
      const at = jobs.findIndex((j) => j.id === job.id);
      set({
        jobs: at === -1 ? [job, ...jobs] : jobs.map((j, i) => (i === at ? job : j)),
      });
    },
    toggle() {
      set({ open: !get().open });
    },
    async cancel(id) {
      try {
        await client.call('jobs.cancel', { id });
      } catch (cause) {
        report('Could not cancel the job', cause);
      }
    },
    async retry(id) {
      try {
        get().apply(await client.call('jobs.retry', { id }));
      } catch (cause) {
        report('Could not retry the job', cause);
      }
    },
  }));
}
