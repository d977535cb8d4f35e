// Internal product DTOs → the API's public product shapes (src/shared/api-v1/product-schemas.ts).
import type { z } from 'zod';
import type {
  productDetailSchema,
  productSummarySchema,
} from '../../../../shared/api-v1/product-schemas';
import { MEDIA_ROLES, type Product, type ProductDetail } from '../../../../shared/product-dto';
import { isoDate } from './public-assets';

export type PublicProductSummary = z.infer<typeof productSummarySchema>;

export function publicProductSummary(p: Product): PublicProductSummary {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    parentSku: p.parentSku,
    productType: p.productType,
    attributes: p.attributes,
    channels: p.channels,
    variantCount: p.variantCount,
    mediaCount: p.linkCount,
    mainAssetId: p.mainAssetId,
    updatedAt: isoDate(p.updatedAt),
  };
}

/** Roles in board order, then position: the order a shop shows them in. */
export function boardOrder<T extends { role: (typeof MEDIA_ROLES)[number]; position: number }>(
  links: readonly T[],
): T[] {
  const rank = (role: T['role']): number => MEDIA_ROLES.indexOf(role);
  return [...links].sort((a, b) => rank(a.role) - rank(b.role) || a.position - b.position);
}

export function publicProduct(p: ProductDetail): z.infer<typeof productDetailSchema> {
  return {
    ...publicProductSummary(p),
    variants: p.variants.map(publicProductSummary),
    media: boardOrder(p.links).map((l) => ({
      assetId: l.assetId,
      role: l.role,
      position: l.position,
    })),
  };
}
