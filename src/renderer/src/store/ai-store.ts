// The offline AI as the UI sees it: its status (models, threshold, paused, counts), loaded
// when something shows it and read again when the `ai` job has moved on (it reports progress
// often: one read per quiet spell, not one per event); and a generation that moves when what
// every asset shows changed (the threshold), so the preview's AI section reads again.
// Results of the job itself come with analyses.changed, naming the assets.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AiStatus } from '../../../shared/ai-dto';
import type { JobInfo } from '../../../shared/job-dto';
import type { Client } from '../client';
import { coalesce } from './coalesce';
import type { NoticesStore } from './notices-store';

/** The durable job's name (JobRegistry), as jobs.list and jobs.changed carry it. */
export const AI_JOB = 'ai';

export interface AiState {
  /** null until first read (or when that failed). */
  status: AiStatus | null;
  /** Bumped when what every asset shows changed (the threshold). */
  generation: number;
  /** Reads the status unless it is read or being read. */
  ensureLoaded(): void;
  refresh(): Promise<void>;
  /** A jobs.changed event: the counts move when it is about the AI job (or any, on null). */
  jobChanged(job: JobInfo | null): void;
  configure(threshold: number): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Queues the AI job over the whole library (what is already analysed is skipped). */
  runAll(): Promise<void>;
  /** What every asset shows changed: AI views read again. */
  touch(): void;
}

export type AiStore = StoreApi<AiState>;

export interface AiStoreOptions {
  /** Quiet spell after the AI job's last event before the status is read again. */
  refreshDelayMs?: number;
}

export function createAiStore(
  client: Client,
  notices: NoticesStore,
  options: AiStoreOptions = {},
): AiStore {
  const delay = options.refreshDelayMs ?? 1000;
  const report = (title: string, cause: unknown): void => notices.getState().report(title, cause);
  let asked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  return createStore<AiState>()((set, get) => {
    const read = coalesce(async () => {
      try {
        set({ status: await client.call('analyses.status', {}) });
      } catch (cause) {
        report('Could not read the AI status', cause);
      }
    });

    /** Calls that answer the new status: applied at once. */
    const change = async (title: string, call: () => Promise<AiStatus>): Promise<void> => {
      try {
        set({ status: await call() });
      } catch (cause) {
        report(title, cause);
      }
    };

    const settled = (): void => {
      timer = undefined;
      void read();
    };

    return {
      status: null,
      generation: 0,
      ensureLoaded() {
        if (asked) return;
        asked = true;
        void read();
      },
      refresh: () => (asked ? read() : Promise.resolve()),
      jobChanged(job) {
        if (!asked || (job !== null && job.name !== AI_JOB)) return;
        clearTimeout(timer);
        timer = setTimeout(settled, delay);
      },
      configure: (threshold) =>
        change('Could not change the AI threshold', async () => {
          const status = await client.call('analyses.configure', { threshold });
          // What is shown moved with the threshold.
          get().touch();
          return status;
        }),
      pause: () => change('Could not pause the AI', () => client.call('analyses.pause', {})),
      resume: () => change('Could not resume the AI', () => client.call('analyses.resume', {})),
      async runAll() {
        try {
          await client.call('analyses.run', {});
        } catch (cause) {
          report('Could not start the AI', cause);
        }
        await get().refresh();
      },
      touch() {
        set({ generation: get().generation + 1 });
      },
    };
  });
}
