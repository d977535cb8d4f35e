// 360° spins: made from a selection, a query, a folder of numbered frames or a naming rule
// such as {sku}_spin_{frame}; renamed, reordered, thinned and dissolved as undoable steps;
// exported as frames, a sprite sheet and Amazon's 360 package.
import { z } from 'zod';
import type { EditResult } from '../dto';
import type { Spin, SpinDetail, SpinEditResult, SpinExportResult } from '../spin-dto';
import { type } from '../phantom-type';
import { empty, id, searchQuery } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const name = z.string().trim().min(1).max(200);
const assetIds = z.array(id).min(1).max(10_000);

export const spinsMethods = lazyMethods(() => ({
  'spins.list': { args: empty, result: type<Spin[]>() },
  'spins.get': { args: z.object({ id }).strict(), result: type<SpinDetail>() },
  /**
   * One spin from a selection (`assetIds`), what a query finds, or every image directly in a
   * folder; frames ordered by the number in their names, natural order otherwise. A folder's
   * spin is named for the folder unless `name` is given. Undoable.
   */
  'spins.create': {
    args: z
      .object({
        assetIds: assetIds.optional(),
        query: searchQuery.trim().min(1).optional(),
        folder: z
          .object({ catalogId: id, path: z.string().max(4096) })
          .strict()
          .optional(),
        name: name.optional(),
      })
      .strict()
      .refine(
        (a) => [a.assetIds, a.query, a.folder].filter((x) => x !== undefined).length === 1,
        'give one of assetIds, query or folder',
      ),
    result: type<SpinEditResult>(),
  },
  /**
   * Spins by a naming rule such as `{sku}_spin_{frame}`: one per value of the other fields,
   * among the files `query` finds (all when absent). Files already in a spin are left alone.
   */
  'spins.createByRule': {
    args: z
      .object({ rule: z.string().trim().min(3).max(200), query: searchQuery.optional() })
      .strict(),
    result: type<EditResult & { spins: Spin[] }>(),
  },
  'spins.rename': { args: z.object({ id, name }).strict(), result: type<SpinEditResult>() },
  /** The frames in a new order: every frame once. */
  'spins.reorder': { args: z.object({ id, assetIds }).strict(), result: type<SpinEditResult>() },
  /** Takes frames out (their assets stay); the last frame out dissolves the spin. */
  'spins.removeFrames': {
    args: z.object({ id, assetIds }).strict(),
    result: type<SpinEditResult>(),
  },
  /** The spin goes; its frames show in the grid again. Undoable. */
  'spins.dissolve': { args: z.object({ id }).strict(), result: type<SpinEditResult>() },
  /**
   * Writes each spin into `out/<spin>/`: frames at the preset's size, a sprite sheet with its
   * layout, Amazon's 360 zip (24, 48 or 72 frames). Atomic; unchanged files are not rewritten.
   */
  'spins.export': {
    args: z
      .object({
        ids: z.array(id).max(10_000).optional(),
        out: z.string().min(1).max(4096),
        preset: z.string().max(100).optional(),
        formats: z
          .array(z.enum(['frames', 'sprite', 'amazon']))
          .min(1)
          .optional(),
        amazonFrames: z.union([z.literal(24), z.literal(48), z.literal(72)]).optional(),
      })
      .strict(),
    result: type<SpinExportResult>(),
  },
}));
