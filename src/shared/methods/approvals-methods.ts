// Approvals: a decision on an asset's current content (its hash). New content puts the
// asset back in review; the history keeps every decision.
import { z } from 'zod';
import type { ApprovalDecision } from '../rights-dto';
import { type } from '../phantom-type';
import { hasTarget, targetMessage, targets } from './rights-parts';
import { empty, id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const who = z.string().trim().min(1).max(200);

export const approvalsMethods = lazyMethods(() => ({
  /**
   * Records a decision on each asset's current content. `who` defaults to the reviewer
   * preference, then the system's user name. Assets not read yet (no hash) are skipped.
   */
  'approvals.set': {
    args: z
      .object({
        state: z.enum(['approved', 'rejected', 'in-review']),
        comment: z.string().max(5000).nullable().default(null),
        who: who.optional(),
        ...targets,
      })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<{ changed: number; skipped: number; who: string }>(),
  },
  /** Every decision on an asset, newest first, with the hash each was made on. */
  'approvals.history': {
    args: z.object({ assetId: id }).strict(),
    result: type<{ current: string | null; decisions: ApprovalDecision[] }>(),
  },
  /** The reviewer name decisions are recorded under (a preference). */
  'approvals.reviewer': { args: empty, result: type<{ name: string }>() },
  'approvals.setReviewer': {
    args: z.object({ name: who }).strict(),
    result: type<{ name: string }>(),
  },
}));
