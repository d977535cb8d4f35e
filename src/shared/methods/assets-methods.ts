// Assets: listing, searching and editing them (rating, flags, labels), and the order in
// which the index queue reads them (what is on screen first).
import { z } from 'zod';
import { LABELS } from '../dto';
import type { AssetDetail, AssetPage, EditResult } from '../dto';
import { type } from '../phantom-type';
import { empty, id, searchQuery } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const assetsMethods = lazyMethods(() => ({
  /**
   * The grid is scrolling (sent at most twice a second while it does): background jobs (the
   * AI, backfills) wait before their next item until it has been still for a second.
   */
  'assets.browsing': { args: empty, result: type<Record<string, never>>() },
  'assets.list': {
    args: z
      .object({
        catalogId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
        /** Default: a manual collection's own order, else 'name'. */
        sort: z.enum(['name', 'captured', 'added', 'size']).optional(),
        /** Only this folder and below ('' or absent: the whole catalog). Needs catalogId. */
        folder: z.string().max(4096).optional(),
        /** Only these formats (as in Asset.format, e.g. 'jpeg', 'cr2'). */
        formats: z.array(z.string().min(1).max(20)).max(50).optional(),
        filter: z
          .enum(['all', 'missing', 'errors', 'duplicates', 'offline', 'unlinked'])
          .default('all'),
        /** The search language: words, field:value, width>=2000, AND / OR / NOT, ( ). */
        query: searchQuery.optional(),
        /** Only a collection's assets: a smart one's search, or a manual one's members. */
        collectionId: id.optional(),
        /**
         * false: rows without their keywords, as the grid asks (it shows none; the preview
         * reads them with assets.get). Reading them costs more than the rest of a page.
         */
        keywords: z.boolean().default(true),
        /** true: each row with its media facts (video, document, model; null for a photo). */
        facts: z.boolean().default(false),
      })
      .strict(),
    result: type<AssetPage>(),
  },
  'assets.get': { args: z.object({ id }).strict(), result: type<AssetDetail>() },
  /** Rates, flags or labels many assets as one undoable step. */
  'assets.edit': {
    args: z
      .object({
        ids: z.array(id).min(1).max(200_000),
        rating: z.number().int().min(0).max(5).optional(),
        flag: z.enum(['none', 'pick', 'reject']).optional(),
        label: z.enum(LABELS).nullable().optional(),
      })
      .strict()
      .refine((a) => a.rating !== undefined || a.flag !== undefined || a.label !== undefined, {
        message: 'give a rating, a flag or a label',
      }),
    result: type<EditResult>(),
  },
  /** Same as assets.edit, for every asset a search query finds (the CLI's bulk edits). */
  'assets.editQuery': {
    args: z
      .object({
        query: searchQuery,
        rating: z.number().int().min(0).max(5).optional(),
        flag: z.enum(['none', 'pick', 'reject']).optional(),
        label: z.enum(LABELS).nullable().optional(),
      })
      .strict(),
    result: type<EditResult>(),
  },
  /** Moves these assets to the front of the thumbnail queue (what is on screen). */
  'assets.prioritize': {
    args: z.object({ ids: z.array(id).max(2000) }).strict(),
    result: type<{ moved: number }>(),
  },
}));
