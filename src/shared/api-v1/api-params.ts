// Path and query parameters of /api/v1/: the router parses requests with these, and the
// OpenAPI document describes them from the same schemas. Query objects are strict: an
// unknown key is refused (400), so a misspelt filter never silently returns everything.
import { z } from 'zod';
import { channelId } from '../channel-id';
import { searchQuery } from '../methods/schema-parts';

/** A page never holds more than this many items. */
export const MAX_PAGE = 500;

const offset = z.coerce
  .number()
  .int()
  .min(0)
  .max(1_000_000_000)
  .default(0)
  .describe('Items to skip.');
const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE)
  .default(50)
  .describe(`Items per page (at most ${MAX_PAGE}).`);
const channel = channelId.describe(
  'A channel id (amazon, shopify, …): the use the rights check judges; blocked media are withheld (or answer 451).',
);
const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const pageQuery = z.object({ offset, limit }).strict();

export const productListQuery = z
  .object({
    offset,
    limit,
    query: z
      .string()
      .max(500)
      .optional()
      .describe('Words that SKU, name or attributes must all match (the search language).'),
    channel: channelId.optional().describe('Only products that sell on this channel.'),
  })
  .strict();

export const skuPath = z.object({
  sku: z.string().min(1).max(200).describe('The SKU, URL-encoded (encodeURIComponent).'),
});

export const channelQuery = z.object({ channel: channel.optional() }).strict();

export const assetSearchQuery = z
  .object({
    offset,
    limit,
    q: searchQuery
      .optional()
      .describe(
        'The search language: words, field:value, width>=2000, AND / OR / NOT, ( ). Empty: every asset.',
      ),
  })
  .strict();

export const idPath = z.object({ id: idParam.describe('The id.') });

export const mediaPath = z.object({
  id: idParam.describe("The asset's id."),
  which: z
    .enum(['poster', 'file'])
    .describe('poster: a still standing for it; file: the file itself (video, GLB model, PDF).'),
});

export const mediaQuery = z
  .object({
    channel: channel.optional(),
    v: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional()
      .describe('The content version: when it matches, the answer is cached as immutable.'),
  })
  .strict();

export type PageQuery = z.infer<typeof pageQuery>;
