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
  // A spin's frames (static headless pack) are checked one by one, as spin export does.
  const images = products.flatMap((p) => p.images.flatMap((i) => [i, ...(i.frames ?? [])]));
  const ids = [...new Set(images.map((i) => i.assetId))];
  const facts = loadRightsFacts(db, ids);
  const noLicencesInLibrary = !new LicenceRepo(db).any();
  const date = today();
  for (const image of images) {
    const f = facts.get(image.assetId);
    if (f) image.rights = { facts: f, date, noLicencesInLibrary, approvedOnly, territory };
  }
}
