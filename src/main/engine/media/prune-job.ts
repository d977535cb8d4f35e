// Keeping the media caches made on request (loupe previews, version diffs, document pages,
// scrub strips, viewer GLBs) under their budgets, as a job: one queued row at most (a request
// while one waits folds into it), resumed by the next engine if cut short.
import type { JobRegistry } from '../jobs/job-registry';
import type { MediaCache } from './media-cache';
import { pruneCache } from './prune-cache';

export const PRUNE_PREVIEWS_JOB = 'previews.prune';
const DEFAULT_BUDGET = 2 * 1024 ** 3;
/** A diff is at most 1024 px a side (a few MB as PNG): a few hundred comparisons. */
const DIFF_BUDGET = 512 * 1024 ** 2;
/** Document pages painted for the loupe (~100 KB each as PNG): a few thousand. */
const PAGE_BUDGET = 256 * 1024 ** 2;
/** Video scrub strips (ten small frames, ~50 KB as JPEG): a few thousand videos. */
const STRIP_BUDGET = 256 * 1024 ** 2;
/** Packed viewer GLBs (a .gltf's files joined, compression decoded): a few dozen models. */
const MODEL_BUDGET = 1024 ** 3;
/** White-background previews (a loupe preview each, ~300 KB as WebP): a few hundred. */
const WHITE_BG_BUDGET = 128 * 1024 ** 2;

export function definePruneJob(
  registry: JobRegistry,
  cache: MediaCache,
  budget = DEFAULT_BUDGET,
  diffBudget = DIFF_BUDGET,
): () => void {
  const type = registry.define<Record<string, never>, { removed: number; bytes: number }>({
    name: PRUNE_PREVIEWS_JOB,
    concurrency: 1,
    label: () =>
      'Trim the preview, version-diff, page, scrub-strip, 3D-viewer and white-background caches',
    merge: (queued) => queued,
    run: async (ctx) => {
      // Version diffs are previews of a kind: the same job keeps them under a budget of their own.
      const diffs = await pruneCache(cache.folder('diff'), diffBudget, ctx.signal);
      const pages = await pruneCache(cache.folder('page'), PAGE_BUDGET, ctx.signal);
      const previews = await pruneCache(cache.folder('preview'), budget, ctx.signal);
      // GLBs packed for the 3D viewer: remade on the next open.
      const models = await pruneCache(cache.folder('model'), MODEL_BUDGET, ctx.signal);
      // Scrub strips: remade on the next hover.
      const strips = await pruneCache(cache.folder('strip'), STRIP_BUDGET, ctx.signal);
      // White-background previews: remade on the next toggle.
      const whitebg = await pruneCache(cache.folder('whitebg'), WHITE_BG_BUDGET, ctx.signal);
      const all = [diffs, pages, previews, models, strips, whitebg];
      return {
        removed: all.reduce((n, r) => n + r.removed, 0),
        bytes: all.reduce((n, r) => n + r.bytes, 0),
      };
    },
  });
  return () => void type.enqueue({});
}
