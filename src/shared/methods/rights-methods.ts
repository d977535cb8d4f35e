// The one rights check, asked by the app, the CLI, pre-flight and readiness alike.
import { z } from 'zod';
import { MEDIA, type AssetRights, type RightsNotice, type RightsResult } from '../rights-dto';
import { type } from '../phantom-type';
import { channelId, day, hasTarget, targetMessage, targets, territory } from './rights-parts';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const rightsMethods = lazyMethods(() => ({
  /**
   * allow / warn / block with reasons, per asset, for one use. A preset id supplies the
   * channel, medium and its approval / licence requirements; explicit fields win.
   */
  'rights.check': {
    args: z
      .object({
        ...targets,
        presetId: z.string().min(1).max(64).optional(),
        channel: channelId.optional(),
        medium: z.enum(MEDIA).optional(),
        territory: territory.optional(),
        /** Default: today (local day, rights/licence-dates.ts). */
        date: day.optional(),
        requireApproval: z.boolean().optional(),
        requireLicence: z.boolean().optional(),
      })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<(RightsResult & { assetId: number })[]>(),
  },
  /** An asset's licences, releases, approval state and its file's own claims. */
  'rights.get': { args: z.object({ id }).strict(), result: type<AssetRights>() },
  /** Licences ended or ending within their warning window, with assets and live pack files. */
  'rights.notices': { args: z.object({}).strict(), result: type<RightsNotice[]>() },
  /** Queues the daily notices job now (null: one is already queued or running). */
  'rights.recheck': { args: z.object({}).strict(), result: type<{ jobId: number | null }>() },
}));
