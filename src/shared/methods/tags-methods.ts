// Tags: hierarchical keywords on assets; their edits are undo steps (edits-methods.ts).
import { z } from 'zod';
import type { EditResult, Tag } from '../dto';
import { type } from '../phantom-type';
import { id, empty, searchQuery, tagPath } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const tagsMethods = lazyMethods(() => ({
  'tags.list': { args: empty, result: type<Tag[]>() },
  /** Tags assets with a tag path ('Product|Shoes|Sneakers'), creating it: one undoable step. */
  'tags.apply': {
    args: z.object({ ids: z.array(id).min(1).max(200_000), path: tagPath }).strict(),
    result: type<EditResult>(),
  },
  'tags.remove': {
    args: z.object({ ids: z.array(id).min(1).max(200_000), tagId: id }).strict(),
    result: type<EditResult>(),
  },
  /** tags.apply / tags.remove over every asset a search query finds (the CLI's bulk edits). */
  'tags.applyQuery': {
    args: z
      .object({ query: searchQuery, path: tagPath, remove: z.boolean().default(false) })
      .strict(),
    result: type<EditResult>(),
  },
  'tags.rename': {
    args: z.object({ id, name: z.string().min(1).max(200) }).strict(),
    result: type<EditResult>(),
  },
  /** Moves a tag under another (parentId 0: to the top level). */
  'tags.move': {
    args: z.object({ id, parentId: z.number().int().min(0) }).strict(),
    result: type<EditResult>(),
  },
  /** Every asset tagged `from` gets `into`; `from`'s children move under `into`; `from` goes. */
  'tags.merge': { args: z.object({ from: id, into: id }).strict(), result: type<EditResult>() },
  /** A keyword list as Lightroom exports it: one per line, children tab-indented. */
  'tags.import': {
    args: z.object({ text: z.string().max(5_000_000) }).strict(),
    result: type<{ created: number; total: number }>(),
  },
}));
