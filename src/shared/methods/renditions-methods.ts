// Renditions: per-asset overrides and focal points for channel packs.
import { z } from 'zod';
import { CROP_STRATEGIES, FIT_MODES, type FocalPoint, type RenditionOverride } from '../export-dto';
import { type } from '../phantom-type';
import { presetId } from '../preset-schema';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const renditionsMethods = lazyMethods(() => ({
  /** Sets (or, with x/y null, clears) the point that cover crops keep in view. */
  'renditions.setFocus': {
    args: z
      .object({
        assetId: id,
        x: z.number().min(0).max(1).nullable(),
        y: z.number().min(0).max(1).nullable(),
      })
      .strict()
      .refine((a) => (a.x === null) === (a.y === null), {
        message: 'give both x and y, or neither',
      }),
    result: type<FocalPoint | null>(),
  },
  /** The focal point and every override of one asset. */
  'renditions.get': {
    args: z.object({ assetId: id }).strict(),
    result: type<{ focus: FocalPoint | null; overrides: RenditionOverride[] }>(),
  },
  /** Replaces the override of an asset for one preset (presetId null: for every preset). */
  'renditions.setOverride': {
    args: z
      .object({
        assetId: id,
        presetId: presetId.nullable(),
        fit: z.enum(FIT_MODES).optional(),
        crop: z.enum(CROP_STRATEGIES).optional(),
        trim: z.boolean().optional(),
        productFill: z.number().gt(0).max(1).nullable().optional(),
        background: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .optional(),
        quality: z.number().int().min(1).max(100).optional(),
        exclude: z.boolean().optional(),
      })
      .strict(),
    result: type<RenditionOverride>(),
  },
  'renditions.clearOverride': {
    args: z.object({ assetId: id, presetId: presetId.nullable() }).strict(),
    result: type<{ removed: boolean }>(),
  },
}));
