// The audit log: every change to rights, approvals, versions, links and exports, hash-chained.
import { z } from 'zod';
import type { AuditEntry, AuditVerdict } from '../usage-dto';
import { type } from '../phantom-type';
import { empty } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const auditEntriesMethods = lazyMethods(() => ({
  /**
   * Oldest first; `since` is an ISO date or time (a prefix compares as its start). A subject
   * `asset` means every row naming the asset (licence, release and link changes that list
   * it too). `afterId` pages: pass the last id of one page to read the next.
   */
  'auditEntries.list': {
    args: z
      .object({
        since: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$/, 'a date: YYYY-MM-DD[THH:MM:SSZ]')
          .optional(),
        subject: z
          .object({ kind: z.string().min(1).max(100), id: z.string().min(1).max(200) })
          .strict()
          .optional(),
        afterId: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(100_000).default(10_000),
      })
      .strict(),
    result: type<AuditEntry[]>(),
  },
  /** Walks the chain: ok, or the first row that was edited, moved or follows a deleted one. */
  'auditEntries.verify': { args: empty, result: type<AuditVerdict>() },
}));
