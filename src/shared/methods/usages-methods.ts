// Where used: every file an export put in a pack, per asset, now and before.
import { z } from 'zod';
import type { LicencedAsset, UsageRow } from '../usage-dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const usagesMethods = lazyMethods(() => ({
  /** Where an asset went: files still in packs first, then those re-exports took out. */
  'usages.list': { args: z.object({ assetId: id }).strict(), result: type<UsageRow[]>() },
  /**
   * Where a licence's assets went: the assets it covers and their usage rows (live first),
   * each list at most `limit` long.
   */
  'usages.forLicence': {
    args: z
      .object({ licenceId: id, limit: z.number().int().min(1).max(10_000).default(1000) })
      .strict(),
    result: type<{ assets: LicencedAsset[]; usages: UsageRow[] }>(),
  },
}));
