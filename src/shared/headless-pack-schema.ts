// The files of a static headless pack, as a front end reads them: products/<sku>.json (one
// product's published media) and index.json (every product). The pack writer builds them to
// these types and the tests validate every file written with these schemas. URLs are the
// export's base URL (or '/': the pack served at the site's root) plus the path in the pack.
import { z } from 'zod';
import { MEDIA_ROLES } from './product-dto';

const url = z.string().min(1);
const px = z.number().int().min(1);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();

/** What every published item carries: its place, alt text, credit and licence end. */
const published = {
  role: z.enum(MEDIA_ROLES),
  /** 1-based, in the board's order within the role's kind. */
  position: z.number().int().min(1),
  alt: z.string(),
  credit: z.string().nullable(),
  /** The earliest end of its licences: take it down by then. */
  licenceEnd: day,
};

export const IMAGE_TYPES = ['image/avif', 'image/webp', 'image/jpeg', 'image/png'] as const;

export const headlessImageSchema = z
  .object({
    ...published,
    /** The intrinsic size of `src` (for width/height attributes: no layout shift). */
    width: px,
    height: px,
    /** A ThumbHash (base64, ~30 characters: the library's own placeholder) to paint while the
     *  image loads, e.g. with the thumbhash package's thumbHashToDataURL; null when none. */
    placeholder: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/)
      .nullable(),
    src: url,
    /** `url 480w, url 960w` in the fallback format. */
    srcset: z.string().min(1),
    sizes: z.string().min(1),
    /** The other formats, best first, for <picture><source type srcset>. */
    sources: z.array(z.object({ type: z.enum(IMAGE_TYPES), srcset: z.string().min(1) }).strict()),
  })
  .strict();

export const headlessVideoSchema = z
  .object({
    ...published,
    src: url,
    poster: url.nullable(),
    width: px,
    height: px,
    durationMs: z.number().int().min(0),
    mime: z.string().regex(/^video\/[a-z0-9.+-]+$/),
  })
  .strict();

export const headlessModelSchema = z
  .object({
    ...published,
    /** glTF binary (web viewers: <model-viewer>), and USDZ for iOS AR Quick Look. */
    glb: url.nullable(),
    usdz: url.nullable(),
    triangles: z.number().int().min(0).nullable(),
  })
  .strict();

export const headlessDocumentSchema = z
  .object({
    ...published,
    src: url,
    mime: z.literal('application/pdf'),
    bytes: z.number().int().min(0),
    pages: z.number().int().min(0).nullable(),
  })
  .strict();

export const headlessSpinSchema = z
  .object({
    ...published,
    /** Every frame's size (one rendition, in the fallback format). */
    width: px,
    height: px,
    /** In turning order; a frame the rights check blocks is left out. */
    frames: z.array(url).min(1),
  })
  .strict();

export const headlessProductSchema = z
  .object({
    /** The layout's version: 1. */
    packshot: z.literal(1),
    sku: z.string().min(1),
    name: z.string(),
    /** When the product's own fields last changed (ISO 8601), or null. */
    updatedAt: z.string().nullable(),
    images: z.array(headlessImageSchema),
    videos: z.array(headlessVideoSchema),
    models: z.array(headlessModelSchema),
    spins: z.array(headlessSpinSchema),
    documents: z.array(headlessDocumentSchema),
    /**
     * Media linked but not published: `rights` (blocked for this channel) or `not_written`
     * (failed pre-flight or its render). The reasons are in the pack's manifest, not here:
     * this file is public.
     */
    withheld: z.array(
      z
        .object({
          role: z.enum(MEDIA_ROLES),
          position: z.number().int().min(1),
          reason: z.enum(['rights', 'not_written']),
        })
        .strict(),
    ),
  })
  .strict();

export const headlessIndexSchema = z
  .object({
    packshot: z.literal(1),
    products: z.array(
      z
        .object({
          sku: z.string().min(1),
          name: z.string(),
          /** The product's JSON, relative to the pack (products/<name>.json). */
          json: z.string().regex(/^products\/[A-Za-z0-9._-]+\.json$/),
          /** The main image's src, or null when there is none (or it is withheld). */
          main: url.nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export type HeadlessImage = z.infer<typeof headlessImageSchema>;
export type HeadlessVideo = z.infer<typeof headlessVideoSchema>;
export type HeadlessSpin = z.infer<typeof headlessSpinSchema>;
export type HeadlessModel = z.infer<typeof headlessModelSchema>;
export type HeadlessDocument = z.infer<typeof headlessDocumentSchema>;
export type HeadlessProduct = z.infer<typeof headlessProductSchema>;
export type HeadlessIndex = z.infer<typeof headlessIndexSchema>;
