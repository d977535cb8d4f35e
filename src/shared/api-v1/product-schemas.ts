// Public shapes of products and a product's media, as /api/v1/ answers them.
import { z } from 'zod';
import { ASSET_KINDS_PUBLIC } from './asset-kinds';
import {
  component,
  contentVersion,
  intId,
  isoDateTime,
  isoDay,
  rightsReasonSchema,
} from './api-registry';
import { MEDIA_ROLES } from '../product-dto';

const count = z.number().int().min(0);

export const productSummarySchema = component(
  'ProductSummary',
  'A product (SKU) as lists show it.',
  z.object({
    id: intId,
    sku: z.string(),
    name: z.string(),
    parentSku: z.string().nullable(),
    productType: z.string().nullable(),
    attributes: z.record(z.string(), z.string()),
    channels: z.array(z.string()),
    variantCount: count,
    mediaCount: count,
    mainAssetId: intId.nullable(),
    updatedAt: isoDateTime,
  }),
);

export const productPageSchema = component(
  'ProductPage',
  'One page of products.',
  z.object({
    total: count,
    offset: count,
    limit: z.number().int().min(1),
    items: z.array(productSummarySchema),
  }),
);

export const productDetailSchema = component(
  'Product',
  'One product with its attributes, channels, variants and linked media (ids, roles, order).',
  z.object({
    ...productSummarySchema.shape,
    variants: z.array(productSummarySchema),
    media: z.array(z.object({ assetId: intId, role: z.enum(MEDIA_ROLES), position: count })),
  }),
);

export const mediaItemSchema = component(
  'MediaItem',
  "One linked file of a product, ready for a front end: words, size, placeholder and URLs. URLs are paths on this API's origin, signed for the caller (`expires`, `key`, `sig`) so that <img src> and <video src>, which send no header, load them; they last 7 to 8 days and stay the same all day (UTC).",
  z.object({
    assetId: intId,
    kind: z.enum(ASSET_KINDS_PUBLIC),
    role: z.enum(MEDIA_ROLES),
    position: count.describe('0-based order within its role.'),
    alt: z
      .string()
      .describe("Alt text: the file's description, else its title, else product name and role."),
    credit: z
      .string()
      .nullable()
      .describe('The credit lines of its licences (required ones first), joined by "; ".'),
    licenceEnd: isoDay
      .nullable()
      .describe('The earliest end of its licences; null when none ends.'),
    width: z.number().int().positive().nullable().describe('As shown (after EXIF orientation).'),
    height: z.number().int().positive().nullable(),
    placeholder: z
      .string()
      .nullable()
      .describe('ThumbHash (base64), painted until the image arrives.'),
    contentVersion: contentVersion
      .nullable()
      .describe("The first 16 hex digits of the content's SHA-256, as `?v=` in its URLs."),
    mime: z.string().describe("The original file's media type."),
    src: z
      .string()
      .nullable()
      .describe('Stills: a render URL at a default width (at most 1280); null for other kinds.'),
    srcset: z
      .string()
      .nullable()
      .describe('Stills: render URLs at several widths, as an HTML srcset ("<url> 640w, …").'),
    poster: z
      .string()
      .nullable()
      .describe('Video, model, document: a still standing for it (/assets/{id}/media/poster).'),
    file: z
      .string()
      .nullable()
      .describe('Video, model (GLB), document (PDF): the file itself (/assets/{id}/media/file).'),
    frames: z
      .array(z.string())
      .nullable()
      .describe(
        "Spins: every frame in turning order, as render URLs at the item's src width; frames whose rights block the channel are left out. Null for other kinds.",
      ),
  }),
);
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const withheldSchema = component(
  'Withheld',
  'A linked file left out because its rights block the channel asked for.',
  z.object({ assetId: intId, reasons: z.array(rightsReasonSchema) }),
);

export const productMediaSchema = component(
  'ProductMedia',
  "A product's media in board order (roles in order, then position), for one channel when asked.",
  z.object({
    sku: z.string(),
    channel: z.string().nullable(),
    items: z.array(mediaItemSchema),
    withheld: z.array(withheldSchema),
  }),
);
export type ProductMedia = z.infer<typeof productMediaSchema>;
