// Keeping the loupe preview cache under its budget, as a job: one queued row at most (a
// request while one waits folds into it), resumed by the next engine if cut short.
import type { JobRegistry } from '../jobs/job-registry';
import type { MediaCache } from './media-cache';
import { pruneCache } from './prune-cache';

export const PRUNE_PREVIEWS_JOB = 'previews.prune';
const DEFAULT_BUDGET = 2 * 1024 ** 3;

export function definePruneJob(
  registry: JobRegistry,
  cache: MediaCache,
  budget = DEFAULT_BUDGET,
): () => void {
  const type = registry.define<Record<string, never>, { removed: number; bytes: number }>({
    name: PRUNE_PREVIEWS_JOB,
    concurrency: 1,
    label: () => 'Trim the preview cache',
    merge: (queued) => queued,
    run: (ctx) => pruneCache(cache.folder('preview'), budget, ctx.signal),
  });
  return () => void type.enqueue({});
}
