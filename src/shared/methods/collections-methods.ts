// Collections: saved searches (smart, live) and hand-ordered lists (manual). Their assets
// are listed through assets.list with `collectionId`.
import { z } from 'zod';
import type { Collection } from '../collection-dto';
import type { EditResult } from '../dto';
import { type } from '../phantom-type';
import { empty, id, searchQuery } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const name = z.string().trim().min(1).max(200);
const assetIds = z.array(id).min(1).max(100_000);

export const collectionsMethods = lazyMethods(() => ({
  'collections.list': { args: empty, result: type<Collection[]>() },
  /**
   * Creates a collection (with `query`: a smart one, else a manual one) or, with `id`,
   * renames it or changes its query. A query that does not parse is refused.
   */
  'collections.save': {
    args: z
      .object({ id: id.optional(), name, query: searchQuery.trim().min(1).optional() })
      .strict(),
    result: type<Collection>(),
  },
  /** Deletes a collection (never its assets). */
  'collections.delete': { args: z.object({ id }).strict(), result: type<{ removed: boolean }>() },
  /** Adds assets to a manual collection at `position` (default: the end). One undoable step. */
  'collections.add': {
    args: z.object({ id, assetIds, position: z.number().int().min(0).optional() }).strict(),
    result: type<EditResult>(),
  },
  'collections.remove': {
    args: z.object({ id, assetIds }).strict(),
    result: type<EditResult>(),
  },
  /** Moves one asset of a manual collection to a position (0 is first). Undoable. */
  'collections.move': {
    args: z.object({ id, assetId: id, position: z.number().int().min(0) }).strict(),
    result: type<EditResult>(),
  },
}));
