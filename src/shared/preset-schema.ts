// The zod schema of a preset body: presets.save validates a user's preset with it, and the
// engine validates the built-in presets (resources/presets/*.json) with it at load.
import { z } from 'zod';
import {
  CROP_STRATEGIES,
  FIT_MODES,
  METADATA_POLICIES,
  MODEL_COMPRESSIONS,
  MODEL_FORMATS,
  OUTPUT_FORMATS,
  WHITE_BACKGROUND_MODES,
  type PresetBody,
} from './export-dto';
import { MEDIA_ROLES, REQUIRED_MEDIA } from './product-dto';
import { MEDIA } from './rights-dto';
import { channelId } from './channel-id';
import { territory } from './territories';
import { videoRulesSchema } from './video-preset-schema';
import { documentRulesSchema } from './document-preset-schema';
import { headlessRulesSchema } from './headless-preset-schema';

export const presetId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

const px = z.number().int().min(1).max(100_000);
const share = z.number().gt(0).max(1);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
const template = z
  .string()
  .max(500)
  .refine((t) => !t.includes('\\'), 'use / between folders, not \\');

export const renditionSchema = z
  .object({
    key: z
      .string()
      .max(40)
      .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, _ and -')
      .default(''),
    width: px.nullable(),
    height: px.nullable(),
    fit: z.enum(FIT_MODES),
    crop: z.enum(CROP_STRATEGIES).default('attention'),
    withoutEnlargement: z.boolean().default(true),
    trim: z.boolean().default(false),
    trimThreshold: z.number().min(0).max(255).default(12),
    productFill: share.nullable().default(null),
    background: colour.default('#ffffff'),
    // Optional, no default: a preset without them keeps its body (and render keys) as it was.
    whiteBackground: z.enum(WHITE_BACKGROUND_MODES).optional(),
    keepShadow: z.boolean().optional(),
    format: z.enum(OUTPUT_FORMATS),
    quality: z.number().int().min(1).max(100).default(85),
    progressive: z.boolean().default(true),
    maxBytes: z.number().int().min(1024).max(1_000_000_000).nullable().default(null),
    minQuality: z.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((r) => r.fit === 'inside' || (r.width !== null && r.height !== null), {
    message: 'cover and contain need both a width and a height',
  });

const optPx = px.nullable().default(null);

export const rulesSchema = z
  .object({
    minWidth: optPx,
    minHeight: optPx,
    minLongSide: optPx,
    recommendedLongSide: optPx,
    maxWidth: optPx,
    maxHeight: optPx,
    maxLongSide: optPx,
    maxMegapixels: z.number().positive().max(1000).nullable().default(null),
    minAspect: z.number().positive().max(100).nullable().default(null),
    maxAspect: z.number().positive().max(100).nullable().default(null),
    formats: z.array(z.enum(OUTPUT_FORMATS)).min(1),
    minBytes: z.number().int().min(0).nullable().default(null),
    maxBytes: z.number().int().min(1).nullable().default(null),
    mainWhiteBackground: share.nullable().default(null),
    mainMinFill: share.nullable().default(null),
    mainMaxFill: share.nullable().default(null),
    minSharpness: z.number().min(0).nullable().default(null),
    maxImages: z.number().int().min(1).max(10_000).nullable().default(null),
    requires: z.array(z.enum(REQUIRED_MEDIA)).max(REQUIRED_MEDIA.length).optional(),
  })
  .strict();

const optCount = z.number().int().min(1).max(1_000_000_000).nullable().default(null);

export const modelRulesSchema = z
  .object({
    formats: z.array(z.enum(MODEL_FORMATS)).min(1),
    maxBytes: z.number().int().min(1024).max(10_000_000_000).nullable().default(null),
    targetBytes: z.number().int().min(1024).max(10_000_000_000).nullable().default(null),
    maxTriangles: optCount,
    recommendedTriangles: optCount,
    maxTextureSize: z.number().int().min(16).max(16_384).nullable().default(null),
    texturePowerOfTwo: z.boolean().default(false),
    compression: z.enum(MODEL_COMPRESSIONS).default('draco'),
    notes: z.string().max(5000).default(''),
  })
  .strict();

export const presetBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    channel: channelId,
    roles: z.array(z.enum(MEDIA_ROLES)).min(1),
    renditions: z.array(renditionSchema).min(1).max(32),
    rules: rulesSchema,
    naming: z.object({ folder: template, file: template.pipe(z.string().min(1)) }).strict(),
    metadata: z.enum(METADATA_POLICIES).default('copyright'),
    source: z
      .object({
        title: z.string().max(500),
        url: z.string().max(2000).nullable().default(null),
        checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
      })
      .strict(),
    notes: z.string().max(5000).default(''),
    requireApproval: z.boolean().default(false),
    requireLicence: z.boolean().default(false),
    medium: z.enum(MEDIA).nullable().default(null),
    territories: z.array(territory).min(1).max(300).nullable().optional(),
    video: videoRulesSchema.nullable().optional(),
    model: modelRulesSchema.nullable().optional(),
    document: documentRulesSchema.nullable().optional(),
    headless: headlessRulesSchema.nullable().optional(),
  })
  .strict()
  .refine((p) => new Set(p.renditions.map((r) => r.key)).size === p.renditions.length, {
    message: 'each rendition needs its own key',
  });

// The schema's output and the DTO must stay one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const presetShapeAgrees: Same<z.output<typeof presetBodySchema>, PresetBody> = true;
