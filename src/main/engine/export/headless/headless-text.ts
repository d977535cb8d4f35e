// Loads what a static headless pack publishes beside each file (alt text's sources, the
// placeholder, the product's last change): two queries for the whole pack, and only when a
// headless preset is chosen.
import type { Db } from '../../db/open-database';
import { PublishedTextRepo } from '../../repositories/published-text-repo';
import type { PackProduct } from '../pack-source';

export function attachPublishedText(db: Db, products: readonly PackProduct[]): void {
  const repo = new PublishedTextRepo(db);
  const texts = repo.assets([...new Set(products.flatMap((p) => p.images.map((i) => i.assetId)))]);
  const updated = repo.productsUpdated(products.map((p) => p.id));
  for (const p of products) {
    p.updatedAt = updated.get(p.id);
    for (const image of p.images) image.text = texts.get(image.assetId);
  }
}
