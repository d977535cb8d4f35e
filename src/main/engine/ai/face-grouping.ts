// FOUNDATION PLACEHOLDER (H2, faces and people, fills it in): puts faces not yet in a
// group (ai_faces.group_id NULL) into "same person" groups by their descriptors, and links
// each group's releases to the assets of its new faces. The AI job calls it after each
// batch, inside no transaction (it opens its own).
import type { Db } from '../db/open-database';

export function groupNewFaces(db: Db): { grouped: number } {
  void db;
  return { grouped: 0 };
}
