// The index queue: priorities, progress, waiting for it to finish.
import { z } from 'zod';
import type { JobProgress, ScanSummary } from '../dto';
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
} as const;
