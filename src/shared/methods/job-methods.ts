// The index queue (priorities, progress, waiting for it to finish) and durable jobs.
import { z } from 'zod';
import type { JobProgress, ScanSummary } from '../dto';
import { JOB_STATES, type JobInfo } from '../job-dto';
import { type } from '../phantom-type';
import { id, empty } from './schema-parts';

export const jobMethods = {
  /** Moves these assets to the front of the thumbnail queue (what is on screen). */
  'thumbs.prioritize': {
    args: z.object({ ids: z.array(id).max(2000) }).strict(),
    result: type<{ moved: number }>(),
  },
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
} as const;
