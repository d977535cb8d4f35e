// Links: which files a product shows, in which role and order; files dropped onto one.
import { z } from 'zod';
import type { EditResult } from '../dto';
import { MEDIA_ROLES } from '../product-dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const role = z.enum(MEDIA_ROLES);
const assetIds = z.array(id).min(1).max(10_000);

export const linksMethods = lazyMethods(() => ({
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
}));
