// Public shapes of assets, their versions and collections, as /api/v1/ answers them.
import { z } from 'zod';
import { ASSET_KINDS_PUBLIC } from './asset-kinds';
import { component, contentVersion, intId, isoDateTime, rightsReasonSchema } from './api-registry';

const count = z.number().int().min(0);
const size = z.number().int().positive().nullable();

export const assetSummarySchema = component(
  'AssetSummary',
  'An asset (one file) as lists show it. Width and height are as shown (after orientation).',
  z.object({
    id: intId,
    name: z.string(),
    kind: z.enum(ASSET_KINDS_PUBLIC),
    format: z.string().nullable(),
    mime: z.string(),
    width: size,
    height: size,
    bytes: count,
    contentVersion: contentVersion.nullable(),
    state: z.enum(['pending', 'ok', 'error', 'missing', 'offline']),
    /** As recorded in the file (EXIF/XMP); no time zone invented. */
    capturedAt: z.string().nullable(),
    addedAt: isoDateTime,
    rating: z.number().int().min(0).max(5),
    placeholder: z.string().nullable(),
  }),
);

export const assetPageSchema = component(
  'AssetPage',
  'One page of assets.',
  z.object({
    total: count,
    offset: count,
    limit: z.number().int().min(1),
    items: z.array(assetSummarySchema),
  }),
);

export const mediaFactsSchema = component(
  'MediaFacts',
  'What indexing read from a video, document, model or spin; a field its kind has no use for is null.',
  z.object({
    durationMs: count.nullable(),
    codec: z.string().nullable(),
    fps: z.number().nullable(),
    bitrate: count.nullable(),
    audio: z.boolean().nullable(),
    rotation: z.number().int().nullable(),
    pages: count.nullable(),
    title: z.string().nullable(),
    author: z.string().nullable(),
    meshes: count.nullable(),
    triangles: count.nullable(),
    materials: count.nullable(),
    textures: count.nullable(),
    frames: count.nullable(),
  }),
);

export const assetVersionSchema = component(
  'AssetVersion',
  'One content the asset has had, oldest first.',
  z.object({
    n: z.number().int().min(1),
    contentVersion,
    bytes: count,
    width: size,
    height: size,
    recordedAt: isoDateTime,
    current: z.boolean(),
  }),
);

export const assetRightsSchema = component(
  'AssetRights',
  'The rights check for the channel asked for (allow or warn; a block answers 451).',
  z.object({
    channel: z.string(),
    verdict: z.enum(['allow', 'warn']),
    reasons: z.array(rightsReasonSchema),
  }),
);

export const assetDetailSchema = component(
  'Asset',
  'One asset with its words, keywords, media facts, versions and (with ?channel) its rights.',
  z.object({
    ...assetSummarySchema.shape,
    title: z.string().nullable(),
    description: z.string().nullable(),
    keywords: z.array(z.string()),
    facts: mediaFactsSchema.nullable(),
    versions: z.array(assetVersionSchema),
    rights: assetRightsSchema.nullable(),
  }),
);

export const collectionSchema = component(
  'Collection',
  'A saved search (smart) or a hand-ordered list (manual) of assets.',
  z.object({
    id: intId,
    name: z.string(),
    kind: z.enum(['smart', 'manual']),
    query: z.string().nullable(),
    count,
    createdAt: isoDateTime,
  }),
);

export const collectionListSchema = component(
  'CollectionList',
  'Every collection.',
  z.object({ items: z.array(collectionSchema) }),
);
