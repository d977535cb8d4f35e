// The index queue as jobs: the queue stays the per-asset scheduler (lanes, on-screen first)
// and assets.state stays the per-asset durable state; this adapter gives each burst of work
// (idle → busy → idle) one 'index' row with the queue's progress, so the jobs list shows it
// and a row left running by a dead process is resumed by re-queuing unfinished assets.
import type { JobProgress } from '../../../shared/dto';
import type { JobRegistry } from './job-registry';
import type { JobContext } from './job-types';

/** What the adapter needs of the index queue (IndexQueue has it). */
export interface TrackedQueue {
  status(): JobProgress;
  /** Drops what has not started (cancel): those assets stay unfinished in SQLite. */
  clear(): void;
}

export interface TrackQueueOptions {
  /** Re-queues every unfinished asset (assets.unfinishedIds()): how a dead run resumes. */
  resume(): void;
}

export interface QueueTracker {
  /** Call from the queue's onProgress, with every report. */
  onProgress(progress: JobProgress): void;
}

export interface IndexSummary {
  done: number;
  errors: number;
}

export const INDEX_JOB = 'index';

export function trackQueue(
  registry: JobRegistry,
  queue: TrackedQueue,
  options: TrackQueueOptions,
): QueueTracker {
  let latest: JobProgress = queue.status();
  /** The row following the current burst (queued or running here), if any. */
  let live: number | null = null;
  let current: JobContext<Record<string, never>> | null = null;
  let idle: (() => void) | null = null;

  const mirror = (ctx: JobContext<Record<string, never>>, p: JobProgress): void =>
    ctx.progress(p.done, p.total, { rate: p.rate, detail: { errors: p.errors } });

  const type = registry.define<Record<string, never>, IndexSummary>({
    name: INDEX_JOB,
    concurrency: 1,
    label: () => 'Index files',
    run: async (ctx) => {
      live = ctx.id;
      // A row another process left behind: its assets are still unfinished in SQLite.
      if (ctx.previousAttempts > 0) options.resume();
      latest = queue.status();
      if (latest.running) {
        current = ctx;
        mirror(ctx, latest);
        await new Promise<void>((resolve) => {
          idle = resolve;
          // Cancel drops what has not started; close gives the row back at once.
          ctx.signal.addEventListener('abort', () => (queue.clear(), resolve()), { once: true });
          if (ctx.signal.aborted) resolve();
        });
      }
      current = null;
      idle = null;
      if (live === ctx.id) live = null;
      return { done: latest.done, errors: latest.errors };
    },
  });

  const enqueue = (): number | null => {
    try {
      return type.enqueue({});
    } catch {
      return null; // the engine is closing: nothing more to follow
    }
  };

  return {
    onProgress(progress) {
      latest = progress;
      if (progress.running) {
        if (current) mirror(current, progress);
        else if (live === null) live = enqueue();
        return;
      }
      if (current) mirror(current, progress);
      idle?.();
    },
  };
}
