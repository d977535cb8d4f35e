// Puts faces not yet in a group (ai_faces.group_id NULL, not placed by the user) into
// "same person" groups by their descriptors (analysis/face-clusters.ts), and links each
// group's releases (face_group_releases) to the assets of the faces that joined it. The AI
// job calls it after each batch, inside no transaction: it opens its own, so the read of
// the groups and the placing are one look at the library. When `grouped` > 0 the caller
// emits `faceGroups.changed` (and `assets.changed` when `linked` > 0).
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { placeFaces } from '../analysis/face-clusters';
import { AuditLog } from '../repositories/audit-log-repo';
import { FaceRepo } from '../repositories/face-repo';
import { RightsUndoRepo, type LinkPair } from '../repositories/rights-undo-repo';

export interface GroupingOutcome {
  /** Faces placed in a group. */
  grouped: number;
  /** Groups started. */
  started: number;
  /** Release links added to assets whose face joined a group with releases. */
  linked: number;
}

export function groupNewFaces(db: Db, threshold?: number): GroupingOutcome {
  return writeTransaction(db, () => {
    const faces = new FaceRepo(db);
    const fresh = faces.ungrouped();
    if (fresh.length === 0) return { grouped: 0, started: 0, linked: 0 };
    const assetOf = new Map(fresh.map((f) => [f.id, f.assetId]));
    const placed = placeFaces(
      faces.centres(),
      fresh,
      faces.groupsOfAssets([...new Set(assetOf.values())]),
      threshold,
    );
    for (const [groupId, ids] of placed.joined) {
      faces.assign(groupId, ids, false);
      faces.setCentroid(groupId, placed.centroids.get(groupId)!);
    }
    placed.started.forEach((ids, i) => {
      faces.assign(faces.createGroup(placed.startedCentroids[i]!), ids, false);
    });
    const linked = linkGroupReleases(db, faces, placed.joined, assetOf);
    // After placing: a group whose faces a re-run replaced could still take them back.
    faces.dropEmpty();
    return { grouped: fresh.length, started: placed.started.length, linked };
  });
}

/**
 * A release recorded on a group covers the photos its new faces came from. Automatic, so
 * not an undo step; each link is an audit row's worth (one row per release), as
 * `releases.attach` records it.
 */
function linkGroupReleases(
  db: Db,
  faces: FaceRepo,
  joined: ReadonlyMap<number, number[]>,
  assetOf: ReadonlyMap<number, number>,
): number {
  const releases = faces.releasesOf([...joined.keys()]);
  if (releases.size === 0) return 0;
  const links = new RightsUndoRepo(db);
  const audit = new AuditLog(db);
  let linked = 0;
  for (const [groupId, releaseIds] of releases) {
    const assetIds = [...new Set((joined.get(groupId) ?? []).map((id) => assetOf.get(id)!))];
    for (const releaseId of releaseIds) {
      const added = links.addLinks(
        'release',
        assetIds.map((a): LinkPair => [a, releaseId]),
      );
      if (added.length === 0) continue;
      linked += added.length;
      audit.record({
        action: 'release.attach',
        subject: { kind: 'release', id: releaseId },
        after: { assetIds: added.map(([a]) => a), added: added.length, faceGroupId: groupId },
        who: 'face grouping',
      });
    }
  }
  return linked;
}
