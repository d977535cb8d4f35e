// Suggested tags (AI|Object|Cup…) kept apart from the user's tags until accepted: accepting
// adds the tag as an undoable edit; rejecting keeps a later run from suggesting it again.
import { z } from 'zod';
import { type } from '../phantom-type';
import { id, searchQuery, tagPath } from './schema-parts';
import { lazyMethods } from './lazy-methods';

/** Whose suggestions: listed assets, or every asset a query finds; some tags or all. */
const which = z
  .object({
    assetIds: z.array(id).min(1).max(100_000).optional(),
    query: searchQuery.optional(),
    tagPaths: z.array(tagPath).min(1).max(1000).optional(),
  })
  .strict()
  .refine((w) => (w.assetIds === undefined) !== (w.query === undefined), {
    message: 'name assetIds or a query, not both',
  });

export const suggestionsMethods = lazyMethods(() => ({
  /** Accepts pending suggestions at or above the threshold: one undo step. */
  'suggestions.accept': { args: which, result: type<{ accepted: number; assets: number }>() },
  'suggestions.reject': { args: which, result: type<{ rejected: number; assets: number }>() },
}));
