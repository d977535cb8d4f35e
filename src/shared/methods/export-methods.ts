// Channel packs: presets (built in and the user's), per-asset overrides and focal points,
// pre-flight checks, and export jobs that write a pack into a folder.
import { z } from 'zod';
import {
  CROP_STRATEGIES,
  FAILURE_POLICIES,
  FIT_MODES,
  type ChannelPreset,
  type ExportJob,
  type ExportSummary,
  type FocalPoint,
  type PreflightReport,
  type RenditionOverride,
} from '../export-dto';
import { type } from '../phantom-type';
import { presetBodySchema, presetId } from '../preset-schema';
import { empty, id, searchQuery } from './schema-parts';

/** Preset ids or channel ids ('amazon' means amazon-main and amazon-additional). */
const channels = z.array(z.string().min(1).max(64)).min(1).max(100);
/**
 * Which products: the search language, true of the product (SKU, name) or of one of its
 * linked files (README, "Channel packs"); absent or blank: all.
 */
const selection = {
  channels,
  query: searchQuery.optional(),
  productIds: z.array(id).max(100_000).optional(),
};
const jobId = z.string().min(1).max(100);

export const exportMethods = {
  /** Every preset, built-in (with the user's edits) and the user's own, by name. */
  'presets.list': { args: empty, result: type<ChannelPreset[]>() },
  'presets.get': { args: z.object({ id: presetId }).strict(), result: type<ChannelPreset>() },
  /**
   * Creates a preset (a new id) or edits one (bumps its version). Editing a built-in preset
   * keeps the edit beside it; presets.delete on it goes back to the shipped one.
   */
  'presets.save': {
    args: z.object({ id: presetId, preset: presetBodySchema }).strict(),
    result: type<ChannelPreset>(),
  },
  /** A user's copy of any preset, under a new id (default: '<id>-copy', '-copy-2'…). */
  'presets.copy': {
    args: z
      .object({
        id: presetId,
        newId: presetId.optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    result: type<ChannelPreset>(),
  },
  /** Removes a user's preset, or a user's edit of a built-in one (the built-in stays). */
  'presets.delete': {
    args: z.object({ id: presetId }).strict(),
    result: type<{ removed: boolean }>(),
  },

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

  /** Pre-flight: every product × preset × image against the channel's rules. Changes nothing. */
  'export.check': { args: z.object(selection).strict(), result: type<PreflightReport>() },
  /**
   * Starts writing a pack into `out` (any folder; created if missing). Returns at once;
   * progress comes as 'export.progress' events, the end with export.wait or export.status.
   */
  'export.start': {
    args: z
      .object({
        ...selection,
        out: z.string().min(1).max(4096),
        failures: z.enum(FAILURE_POLICIES).default('skip'),
        dryRun: z.boolean().default(false),
        /** Prefix for 'Image Src' in the Shopify CSV; default: the file's path in the pack. */
        baseUrl: z.string().max(2000).optional(),
      })
      .strict(),
    result: type<ExportJob>(),
  },
  'export.cancel': { args: z.object({ jobId }).strict(), result: type<{ cancelled: boolean }>() },
  /** One job, or (no jobId) every job of this session, newest first. */
  'export.status': {
    args: z.object({ jobId: jobId.optional() }).strict(),
    result: type<ExportJob[]>(),
  },
  /** Resolves with the summary when the job ends. */
  'export.wait': { args: z.object({ jobId }).strict(), result: type<ExportSummary>() },
} as const;
