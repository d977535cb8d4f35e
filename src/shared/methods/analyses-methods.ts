// The offline AI (the engine's ai/): what it found in an asset, its one background job
// (lowest priority, pausable), and its preferences.
import { z } from 'zod';
import { AI_TASKS, type AiRunSummary, type AiStatus, type AssetAi } from '../ai-dto';
import { type } from '../phantom-type';
import { empty, id, searchQuery } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const tasks = z
  .array(z.enum(AI_TASKS))
  .min(1)
  .max(AI_TASKS.length)
  .transform((list) => [...new Set(list)]);

export const analysesMethods = lazyMethods(() => ({
  /** Which models are here, the threshold, whether paused, how much is left. */
  'analyses.status': { args: empty, result: type<AiStatus>() },
  /** Everything the models found in one asset. */
  'analyses.get': { args: z.object({ assetId: id }).strict(), result: type<AssetAi>() },
  /** The same for many assets, those ever analysed only (a page of `assets --json`). */
  'analyses.many': {
    args: z.object({ assetIds: z.array(id).max(5000) }).strict(),
    result: type<AssetAi[]>(),
  },
  /**
   * Queues the AI job over the assets listed and those the query finds (all when neither is
   * given), for the tasks named (every available one when omitted). Assets already analysed
   * for their current content are skipped unless `again`. Folds into a queued run.
   */
  'analyses.run': {
    args: z
      .object({
        assetIds: z.array(id).min(1).max(100_000).optional(),
        query: searchQuery.optional(),
        only: tasks.optional(),
        again: z.boolean().optional(),
      })
      .strict(),
    result: type<{ jobId: number }>(),
  },
  /** Resolves when that AI job has ended (run, failed or cancelled), with what it did. */
  'analyses.wait': { args: z.object({ jobId: id }).strict(), result: type<AiRunSummary>() },
  /** Pauses the AI job where it is (kept across restarts) and resumes it. */
  'analyses.pause': { args: empty, result: type<AiStatus>() },
  'analyses.resume': { args: empty, result: type<AiStatus>() },
  /** Preferences: the confidence below which suggestions are not shown. */
  'analyses.configure': {
    args: z.object({ threshold: z.number().min(0.05).max(0.99) }).strict(),
    result: type<AiStatus>(),
  },
}));
