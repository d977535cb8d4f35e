// Loads what pre-flight's rights check needs onto each image of a pack (four queries for
// the whole pack, not per image).
import type { Db } from '../db/open-database';
import { LicenceRepo } from '../repositories/licence-repo';
import { loadRightsFacts } from '../repositories/rights-facts';
import { today } from '../rights/licence-dates';
import type { PackProduct } from './pack-source';

export function attachRights(
  db: Db,
  products: PackProduct[],
  approvedOnly: boolean,
  territory: string | null = null,
): void {
  const ids = [...new Set(products.flatMap((p) => p.images.map((i) => i.assetId)))];
  const facts = loadRightsFacts(db, ids);
  const noLicencesInLibrary = !new LicenceRepo(db).any();
  const date = today();
  for (const p of products)
    for (const image of p.images) {
      const f = facts.get(image.assetId);
      if (f) image.rights = { facts: f, date, noLicencesInLibrary, approvedOnly, territory };
    }
}
