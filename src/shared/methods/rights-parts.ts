// Argument pieces of the rights namespaces (licences, releases, approvals, rights).
import { z } from 'zod';
import { LICENCE_TYPES, MEDIA } from '../rights-dto';
import { channelId } from '../channel-id';
import { territory } from '../territories';
import { id, searchQuery } from './schema-parts';

/** 'YYYY-MM-DD', a real calendar day. */
// zod's own check: a bad month must be a refusal, not a RangeError from Date.
export const day = z.iso.date('a calendar day as YYYY-MM-DD');

export { territory };
export { channelId };
const text = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

/** Which assets: ids, or every asset a search query finds. */
export const targets = {
  assetIds: z.array(id).min(1).max(200_000).optional(),
  // Not empty: an empty query finds every asset, too easy to send by mistake for a rights edit.
  query: searchQuery.min(1).optional(),
};
export const hasTarget = (a: { assetIds?: number[]; query?: string }): boolean =>
  (a.assetIds === undefined) !== (a.query === undefined);
export const targetMessage = { message: 'give assetIds or a query (one of them)' };

export const licenceFields = z
  .object({
    name: z.string().trim().min(1).max(500),
    licensor: text(500),
    contact: text(500),
    type: z.enum(LICENCE_TYPES),
    ccVariant: text(50),
    reference: text(500),
    contractPath: text(4096),
    creditLine: text(1000),
    creditRequired: z.boolean().default(false),
    startsOn: day.nullable().default(null),
    endsOn: day.nullable().default(null),
    warnDays: z.number().int().min(0).max(3650).default(30),
    territoriesMode: z.enum(['include', 'exclude']).nullable().default(null),
    territories: z.array(territory).max(300).nullable().default(null),
    channels: z.array(channelId).max(100).nullable().default(null),
    media: z.array(z.enum(MEDIA)).max(5).nullable().default(null),
    modificationsAllowed: z.boolean().default(true),
  })
  .strict();
