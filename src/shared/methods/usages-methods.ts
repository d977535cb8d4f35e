// Where used: every file an export put in a pack, per asset, now and before.
import { z } from 'zod';
import type { UsageRow } from '../usage-dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';

export const usagesMethods = {
  /** Where an asset went: files still in packs first, then those re-exports took out. */
  'usages.list': { args: z.object({ assetId: id }).strict(), result: type<UsageRow[]>() },
} as const;
