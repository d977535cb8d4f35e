// Jobs: the index queue's progress and waiting for it, and the durable jobs (export, XMP
// write-back, preview pruning, index bursts) of every process on this library.
import { z } from 'zod';
import type { JobProgress, ScanSummary } from '../dto';
import { JOB_STATES, type JobInfo } from '../job-dto';
import { type } from '../phantom-type';
import { id, empty } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const jobsMethods = lazyMethods(() => ({
  'jobs.status': { args: empty, result: type<JobProgress>() },
  /** Resolves when the index queue is empty. */
  'jobs.wait': { args: empty, result: type<ScanSummary>() },
  /** Durable jobs of this data folder (any process): live first, then newest first. */
  'jobs.list': {
    args: z
      .object({
        state: z.array(z.enum(JOB_STATES)).min(1).max(5).optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    result: type<JobInfo[]>(),
  },
  /** Cancels a queued job, or asks a running one (in whichever process) to stop. */
  'jobs.cancel': { args: z.object({ id }).strict(), result: type<{ cancelled: boolean }>() },
  /** A failed or cancelled job, queued again (here). */
  'jobs.retry': { args: z.object({ id }).strict(), result: type<JobInfo>() },
}));
