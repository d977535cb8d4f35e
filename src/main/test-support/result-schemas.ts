// Zod schemas of the core results (catalogs.list, assets.list, products.list, exports.check),
// for contract tests to check what the engine really sends: results are phantom types in
// the contract, so nothing else checks them at run time. Strict objects, so a field the DTO
// does not declare fails too; each schema is held to its DTO's type below.
import { z } from 'zod';
import { LABELS, type AssetPage, type Catalog } from '../../shared/dto';
import type { PreflightReport } from '../../shared/export-dto';
import type { MediaFacts } from '../../shared/media-facts';
import { MEDIA_ROLES, type ProductPage } from '../../shared/product-dto';
import { APPROVAL_STATES } from '../../shared/rights-dto';

const count = z.number().int().min(0);
const dbId = z.number().int().min(1);
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

export const catalogSchema = z.strictObject({
  id: dbId,
  path: z.string().min(1),
  name: z.string(),
  addedAt: isoTime,
  assetCount: count,
  errorCount: count,
  online: z.boolean(),
  watch: z.enum(['native', 'polling', 'off']),
  ignore: z.array(z.string()),
  xmp: z.enum(['off', 'sidecar', 'embedded']),
  xmpNaming: z.enum(['adobe', 'extension']),
});

const analysisSchema = z.strictObject({
  colors: z.array(z.strictObject({ hex: z.string(), name: z.string(), share: z.number() })),
  whiteBackground: z.number().min(0).max(1),
  fill: z.number().min(0).max(1),
  sharpness: z.number().min(0),
});

const whole = z.number().int().min(0);
/** Each media fact when known (the CLI's flat fields); the DTO holds null for unknown. */
const knownFacts = z.strictObject({
  durationMs: whole,
  codec: z.string().min(1),
  fps: z.number().positive(),
  bitrate: whole,
  audio: z.boolean(),
  rotation: z.number().int(),
  pages: whole,
  title: z.string(),
  author: z.string(),
  meshes: whole,
  triangles: whole,
  materials: whole,
  textures: whole,
  frames: whole,
  detail: z.record(z.string(), z.unknown()),
});
const f = knownFacts.shape;

/** media_facts as assets.list (facts: true) and assets.get carry them. */
export const mediaFactsSchema = z.strictObject({
  durationMs: f.durationMs.nullable(),
  codec: f.codec.nullable(),
  fps: f.fps.nullable(),
  bitrate: f.bitrate.nullable(),
  audio: f.audio.nullable(),
  rotation: f.rotation.nullable(),
  pages: f.pages.nullable(),
  title: f.title.nullable(),
  author: f.author.nullable(),
  meshes: f.meshes.nullable(),
  triangles: f.triangles.nullable(),
  materials: f.materials.nullable(),
  textures: f.textures.nullable(),
  frames: f.frames.nullable(),
  detail: f.detail,
});

export const assetSchema = z.strictObject({
  id: dbId,
  catalogId: dbId,
  path: z.string().min(1),
  relPath: z.string().min(1),
  name: z.string().min(1),
  format: z.string().nullable(),
  width: count.nullable(),
  height: count.nullable(),
  bytes: count,
  mtimeMs: z.number(),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  state: z.enum(['pending', 'ok', 'error', 'missing', 'offline']),
  error: z.string().nullable(),
  thumb: z.enum(['pending', 'ready', 'error', 'none']),
  kind: z.enum(['image', 'raw', 'vector', 'video', 'document', 'model', 'spin', 'other']),
  folder: z.string(),
  orientation: z.number().int().min(1).max(8).nullable(),
  displayWidth: count.nullable(),
  displayHeight: count.nullable(),
  capturedAt: z.string().nullable(),
  camera: z.string().nullable(),
  keywords: z.array(z.string()).optional(),
  duplicateOf: dbId.nullable(),
  versions: count,
  placeholder: z.string().nullable(),
  notice: z.string().nullable(),
  addedAt: isoTime,
  rating: z.number().int().min(0).max(5),
  flag: z.enum(['none', 'pick', 'reject']),
  label: z.enum(LABELS).nullable(),
  analysis: analysisSchema.nullable(),
  similarGroup: dbId.nullable(),
  violation: z.string().nullable().optional(),
  rightsFlag: z.enum(['block', 'warn', 'ok']).nullable().optional(),
  approval: z.enum(APPROVAL_STATES).optional(),
  durationMs: z.number().int().nonnegative().optional(),
  spin: z
    .strictObject({
      id: dbId,
      name: z.string().min(1),
      frames: count,
      warning: z.string().nullable(),
    })
    .optional(),
  facts: mediaFactsSchema.nullable().optional(),
});

/**
 * One row of `packshot assets --json`: the file's fields, then its media facts flat, only
 * those known (none for a photo).
 */
export const cliAssetRowSchema = z.strictObject({
  id: dbId,
  path: z.string().min(1),
  kind: assetSchema.shape.kind,
  state: assetSchema.shape.state,
  width: count.nullable(),
  height: count.nullable(),
  displayWidth: count.nullable(),
  displayHeight: count.nullable(),
  orientation: assetSchema.shape.orientation,
  format: z.string().nullable(),
  bytes: count,
  hash: assetSchema.shape.hash,
  capturedAt: z.string().nullable(),
  camera: z.string().nullable(),
  keywords: z.array(z.string()),
  duplicateOf: dbId.nullable(),
  versions: count,
  thumbnail: assetSchema.shape.thumb,
  thumbnailPath: z.string().nullable(),
  previewPath: z.string().nullable(),
  notice: z.string().nullable(),
  error: z.string().nullable(),
  ...knownFacts.partial().shape,
  spin: z
    .strictObject({
      id: dbId,
      name: z.string().min(1),
      frames: count,
      warning: z.string().nullable(),
    })
    .optional(),
  /** What the offline AI found (AssetAi; its own tests check its fields), null if never run. */
  ai: z
    .looseObject({
      assetId: dbId,
      objects: z.array(z.looseObject({ label: z.string(), confidence: z.number() })),
      faces: z.array(z.looseObject({ id: dbId })),
      people: count,
      runs: z.array(z.looseObject({ task: z.string(), current: z.boolean() })).min(1),
    })
    .nullable(),
});

export const assetPageSchema = z.strictObject({
  total: count,
  offset: count,
  items: z.array(assetSchema),
});

export const productSchema = z.strictObject({
  id: dbId,
  sku: z.string().min(1),
  name: z.string(),
  parentId: dbId.nullable(),
  parentSku: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  channels: z.array(z.string().min(1)),
  productType: z.string().nullable(),
  variantCount: count,
  linkCount: count,
  mainAssetId: dbId.nullable(),
  mainHash: z.string().nullable(),
  updatedAt: isoTime,
});

export const productPageSchema = z.strictObject({
  total: count,
  offset: count,
  items: z.array(productSchema),
});

const level = z.enum(['pass', 'warn', 'fail']);

export const preflightReportSchema = z.strictObject({
  presets: z.array(z.string().min(1)),
  products: count,
  totals: z.strictObject({ pass: count, warn: count, fail: count }),
  items: z.array(
    z.strictObject({
      productId: dbId,
      sku: z.string().min(1),
      presetId: z.string().min(1),
      channel: z.string().min(1),
      assetId: dbId.nullable(),
      assetName: z.string().nullable(),
      role: z.enum(MEDIA_ROLES).nullable(),
      position: z.number().int().min(1).nullable(),
      level,
      checks: z.array(z.strictObject({ check: z.string().min(1), level, reason: z.string() })),
    }),
  ),
});

// Each schema's output and its DTO must stay one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const resultShapesAgree: [
  Same<z.output<typeof mediaFactsSchema>, MediaFacts>,
  Same<z.output<typeof catalogSchema>, Catalog>,
  Same<z.output<typeof assetPageSchema>, AssetPage>,
  Same<z.output<typeof productPageSchema>, ProductPage>,
  Same<z.output<typeof preflightReportSchema>, PreflightReport>,
] = [true, true, true, true, true];
