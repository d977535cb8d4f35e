// Products: the catalog of SKUs, links from assets to products, CSV import, filename rules
// and readiness per channel.
import { z } from 'zod';
import type { EditResult } from '../dto';
import {
  MEDIA_ROLES,
  type CsvPreview,
  type ImportReport,
  type LinkRule,
  type NotReadyReport,
  type Product,
  type ProductDetail,
  type ProductPage,
  type Readiness,
  type RulePlan,
} from '../product-dto';
import { type } from '../phantom-type';
import { empty, id } from './schema-parts';

const sku = z.string().trim().min(1).max(200);
const role = z.enum(MEDIA_ROLES);
const attributes = z.record(z.string().min(1).max(200), z.string().max(10_000));
const channels = z.array(z.string().min(1).max(100)).max(100);
const assetIds = z.array(id).min(1).max(10_000);
/** A CSV: a path on this machine (CLI, Electron's file dialog) or its bytes (browser upload). */
const csvSource = {
  path: z.string().min(1).max(4096).optional(),
  base64: z.string().max(70_000_000).optional(),
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
const oneSource = (a: { path?: string; base64?: string }) =>
  (a.path === undefined) !== (a.base64 === undefined);
const ruleOrRules = z
  .object({
    /** One expression instead of the configured rules (the CLI's --rule). */
    pattern: z.string().min(1).max(2000).optional(),
  })
  .strict();

export const productMethods = {
  /** Products whose SKU, name or attributes match `query` (words, all must match). */
  'products.list': {
    args: z
      .object({
        query: z.string().max(500).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    result: type<ProductPage>(),
  },
  'products.get': { args: z.object({ id }).strict(), result: type<ProductDetail>() },
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
    args: z.object(csvSource).strict().refine(oneSource, { message: 'give a path or base64' }),
    result: type<CsvPreview>(),
  },
  /** Creates or updates products by SKU; bad rows are reported with their line, not fatal. */
  'products.import': {
    args: z
      .object({ ...csvSource, map: columnMap.optional() })
      .strict()
      .refine(oneSource, { message: 'give a path or base64' }),
    result: type<ImportReport>(),
  },

  /** Links assets to a product in a role, inserted at `position` (default: the end). One undoable step. */
  'links.add': {
    args: z
      .object({
        productId: id,
        assetIds,
        role: role.default('gallery'),
        position: z.number().int().min(0).optional(),
      })
      .strict(),
    result: type<EditResult>(),
  },
  'links.remove': {
    args: z.object({ productId: id, assetIds }).strict(),
    result: type<EditResult>(),
  },
  /** Moves one linked asset to another role and/or position (reorders the rest). Undoable. */
  'links.move': {
    args: z
      .object({ productId: id, assetId: id, role, position: z.number().int().min(0) })
      .strict(),
    result: type<EditResult>(),
  },
  /** Makes a linked (or not yet linked) asset the product's main image; the old main joins the gallery. */
  'links.setMain': {
    args: z.object({ productId: id, assetId: id }).strict(),
    result: type<EditResult>(),
  },
  /**
   * Files dropped from the system's file manager (Electron): copies them into a folder of a
   * catalog (never outside it), indexes them and links them to the product.
   */
  'links.dropFiles': {
    args: z
      .object({
        productId: id,
        catalogId: id,
        /** Folder relative to the catalog; '' is its root. */
        folder: z.string().max(4096).default(''),
        paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
        role: role.default('gallery'),
      })
      .strict(),
    result: type<EditResult & { copied: number; errors: { path: string; reason: string }[] }>(),
  },

  'rules.list': { args: empty, result: type<LinkRule[]>() },
  'rules.save': {
    args: z
      .object({
        id: id.optional(),
        name: z.string().min(1).max(200),
        pattern: z.string().min(1).max(2000),
        auto: z.boolean().default(false),
      })
      .strict(),
    result: type<LinkRule>(),
  },
  'rules.delete': { args: z.object({ id }).strict(), result: type<{ removed: boolean }>() },
  /** What the rules (or `pattern`) would link; changes nothing. */
  'rules.dryRun': { args: ruleOrRules, result: type<RulePlan>() },
  /** Links what the dry run lists, as one undoable step. */
  'rules.apply': { args: ruleOrRules, result: type<RulePlan & EditResult>() },

  /** Completeness of one product on each of its channels. */
  'readiness.get': { args: z.object({ id }).strict(), result: type<Readiness[]>() },
  /** Products not ready on a channel (or any), ranked by what blocks the most. */
  'readiness.notReady': {
    args: z.object({ channel: z.string().max(100).optional() }).strict(),
    result: type<NotReadyReport>(),
  },
} as const;
