// Products: the catalog of SKUs, CSV import, and readiness per channel.
import { z } from 'zod';
import {
  type CsvPreview,
  type ImportReport,
  type NotReadyReport,
  type Product,
  type ProductDetail,
  type ProductPage,
  type Readiness,
} from '../product-dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { uploadId } from './uploads-methods';
import { lazyMethods } from './lazy-methods';

const sku = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'a SKU holds no control characters');
const attributes = z.record(z.string().min(1).max(200), z.string().max(10_000));
const channels = z.array(z.string().min(1).max(100)).max(100);
/**
 * A CSV: a path on this machine (CLI), a small file's bytes, or a committed upload (the
 * page's way: any size up to the limit, in chunks under the bridge's body limit).
 */
const csvSource = {
  path: z.string().min(1).max(4096).optional(),
  // Checked, not trusted: Buffer.from drops what is not base64, turning bad input into garbled rows.
  base64: z
    .string()
    .max(700_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
    .optional(),
  uploadId: uploadId.optional(),
};
const columnMap = z
  .object({
    sku: z.string().min(1).max(500),
    name: z.string().max(500).nullable().optional(),
    parent: z.string().max(500).nullable().optional(),
    channels: z.string().max(500).nullable().optional(),
    productType: z.string().max(500).nullable().optional(),
    attributes: z.array(z.string().min(1).max(500)).max(500).optional(),
  })
  .strict();
const oneSource = (a: { path?: string; base64?: string; uploadId?: string }) =>
  [a.path, a.base64, a.uploadId].filter((v) => v !== undefined).length === 1;

export const productsMethods = lazyMethods(() => ({
  /** Products whose SKU, name or attributes match `query` (words, all must match). */
  'products.list': {
    args: z
      .object({
        query: z.string().max(500).optional(),
        /** Only products whose channel list names this one (exactly). */
        channel: z.string().trim().min(1).max(100).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    result: type<ProductPage>(),
  },
  /** One product by id, or by its exact SKU. */
  'products.get': {
    args: z
      .object({ id: id.optional(), sku: sku.optional() })
      .strict()
      .refine((a) => (a.id === undefined) !== (a.sku === undefined), 'give id or sku'),
    result: type<ProductDetail>(),
  },
  'products.create': {
    args: z
      .object({
        sku,
        name: z.string().max(1000).default(''),
        parentSku: sku.nullable().optional(),
        attributes: attributes.optional(),
        channels: channels.optional(),
        productType: z.string().max(200).nullable().optional(),
      })
      .strict(),
    result: type<Product>(),
  },
  'products.update': {
    args: z
      .object({
        id,
        sku: sku.optional(),
        name: z.string().max(1000).optional(),
        parentSku: sku.nullable().optional(),
        attributes: attributes.optional(),
        channels: channels.optional(),
        productType: z.string().max(200).nullable().optional(),
      })
      .strict(),
    result: type<Product>(),
  },
  /** Removes a product and its links (assets stay); its variants lose their parent. */
  'products.delete': { args: z.object({ id }).strict(), result: type<{ removed: boolean }>() },
  /** Reads a CSV's encoding, separator, headers and first rows, and guesses a mapping. */
  'products.importPreview': {
    args: z
      .object(csvSource)
      .strict()
      .refine(oneSource, { message: 'give one of path, base64, uploadId' }),
    result: type<CsvPreview>(),
  },
  /** Creates or updates products by SKU; bad rows are reported with their line, not fatal. */
  'products.import': {
    args: z
      .object({ ...csvSource, map: columnMap.optional() })
      .strict()
      .refine(oneSource, { message: 'give one of path, base64, uploadId' }),
    result: type<ImportReport>(),
  },
  /** Completeness of one product on each of its channels. */
  'products.readiness': { args: z.object({ id }).strict(), result: type<Readiness[]>() },
  /** Products not ready on a channel (or any), ranked by what blocks the most. */
  'products.notReady': {
    args: z.object({ channel: z.string().max(100).optional() }).strict(),
    result: type<NotReadyReport>(),
  },
}));
