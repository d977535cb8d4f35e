import type { FaceGroup } from '../../../shared/ai-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import {
  descriptorBytes,
  descriptorOf,
  type GroupCentre,
  type NewFace,
} from '../analysis/face-clusters';

interface GroupRow {
  id: number;
  name: string | null;
  faces: number;
  assets: number;
  cover: number;
  cover_asset: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

const json = (ids: readonly number[]): string => JSON.stringify(ids);

// A group's list row: counts and its most confident face (the cover the UI crops). The
// cover is looked up once per group, after the counts.
const GROUP_SELECT = `
  SELECT g.id, g.name, s.faces, s.assets,
    c.id AS cover, c.asset_id AS cover_asset, c.x, c.y, c.w, c.h
  FROM (SELECT group_id, count(*) AS faces, count(DISTINCT asset_id) AS assets FROM ai_faces
        WHERE group_id IS NOT NULL AND (? IS NULL OR group_id = ?) GROUP BY group_id) s
  JOIN face_groups g ON g.id = s.group_id
  JOIN ai_faces c ON c.id = (SELECT id FROM ai_faces WHERE group_id = g.id
                             ORDER BY confidence DESC, id LIMIT 1)`;

/** ai_faces, face_groups and face_group_releases: "same person" groups and their releases. */
export class FaceRepo {
  constructor(private readonly db: Db) {}

  /** Faces no group holds yet and the user did not place, oldest first. */
  ungrouped(): NewFace[] {
    return statements(this.db)
      .prepare<[], { id: number; asset_id: number; descriptor: Buffer }>(
        'SELECT id, asset_id, descriptor FROM ai_faces WHERE group_id IS NULL AND pinned = 0 ORDER BY id',
      )
      .all()
      .map((r) => ({ id: r.id, assetId: r.asset_id, descriptor: descriptorOf(r.descriptor) }));
  }

  centres(): GroupCentre[] {
    return statements(this.db)
      .prepare<[], { id: number; centroid: Buffer }>(
        'SELECT id, centroid FROM face_groups WHERE centroid IS NOT NULL',
      )
      .all()
      .map((r) => ({ id: r.id, centroid: descriptorOf(r.centroid) }));
  }

  /** For each asset, the groups its faces are in already. */
  groupsOfAssets(assetIds: readonly number[]): Map<number, Set<number>> {
    const out = new Map<number, Set<number>>();
    const rows = statements(this.db)
      .prepare<[string], { asset_id: number; group_id: number }>(
        `SELECT DISTINCT f.asset_id, f.group_id FROM json_each(?) j
         JOIN ai_faces f ON f.asset_id = j.value WHERE f.group_id IS NOT NULL`,
      )
      .all(json(assetIds));
    for (const r of rows) out.set(r.asset_id, (out.get(r.asset_id) ?? new Set()).add(r.group_id));
    return out;
  }

  createGroup(centroid: Float32Array | null): number {
    return Number(
      statements(this.db)
        .prepare('INSERT INTO face_groups (created_at, centroid) VALUES (?, ?)')
        .run(Date.now(), centroid ? descriptorBytes(centroid) : null).lastInsertRowid,
    );
  }

  setCentroid(groupId: number, centroid: Float32Array | null): void {
    statements(this.db)
      .prepare('UPDATE face_groups SET centroid = ? WHERE id = ?')
      .run(centroid ? descriptorBytes(centroid) : null, groupId);
  }

  centroidOf(groupId: number): Float32Array | null {
    const row = statements(this.db)
      .prepare<[number], { centroid: Buffer | null }>(
        'SELECT centroid FROM face_groups WHERE id = ?',
      )
      .get(groupId);
    return row?.centroid ? descriptorOf(row.centroid) : null;
  }

  /** Puts faces in a group; `pinned` when the user placed them. */
  assign(groupId: number, faceIds: readonly number[], pinned: boolean): void {
    const stmt = statements(this.db).prepare(
      'UPDATE ai_faces SET group_id = ?, pinned = max(pinned, ?) WHERE id = ?',
    );
    for (const id of faceIds) stmt.run(groupId, pinned ? 1 : 0, id);
  }

  /** The faces of a group among `faceIds` (all of them when omitted), with their descriptors. */
  facesIn(groupId: number, faceIds?: readonly number[]): NewFace[] {
    return statements(this.db)
      .prepare<
        [number, string | null, string],
        { id: number; asset_id: number; descriptor: Buffer }
      >(
        `SELECT id, asset_id, descriptor FROM ai_faces
         WHERE group_id = ? AND (? IS NULL OR id IN (SELECT value FROM json_each(?))) ORDER BY id`,
      )
      .all(groupId, faceIds ? 'some' : null, json(faceIds ?? []))
      .map((r) => ({ id: r.id, assetId: r.asset_id, descriptor: descriptorOf(r.descriptor) }));
  }

  exists(groupId: number): boolean {
    return (
      statements(this.db)
        .prepare<[number], { id: number }>('SELECT id FROM face_groups WHERE id = ?')
        .get(groupId) !== undefined
    );
  }

  rename(groupId: number, name: string | null): boolean {
    return (
      statements(this.db).prepare('UPDATE face_groups SET name = ? WHERE id = ?').run(name, groupId)
        .changes > 0
    );
  }

  /** Moves every face and release of `from` into `into`; `from` is deleted. */
  absorb(into: number, from: number): void {
    const s = statements(this.db);
    s.prepare('UPDATE ai_faces SET group_id = ?, pinned = 1 WHERE group_id = ?').run(into, from);
    s.prepare(
      `INSERT OR IGNORE INTO face_group_releases (group_id, release_id)
       SELECT ?, release_id FROM face_group_releases WHERE group_id = ?`,
    ).run(into, from);
    s.prepare('DELETE FROM face_groups WHERE id = ?').run(from);
  }

  /** Assets with a face in the group, by id. */
  assetsOf(groupId: number): number[] {
    return statements(this.db)
      .prepare<[number], { asset_id: number }>(
        'SELECT DISTINCT asset_id FROM ai_faces WHERE group_id = ? ORDER BY asset_id',
      )
      .all(groupId)
      .map((r) => r.asset_id);
  }

  /** The group's releases (face_group_releases), by release id. */
  releasesOf(groupIds: readonly number[]): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const rows = statements(this.db)
      .prepare<[string], { group_id: number; release_id: number }>(
        `SELECT r.group_id, r.release_id FROM json_each(?) j
         JOIN face_group_releases r ON r.group_id = j.value ORDER BY r.release_id`,
      )
      .all(json(groupIds));
    for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r.release_id]);
    return out;
  }

  /** Records that the group's person signed the release; false when it was recorded already. */
  addRelease(groupId: number, releaseId: number): boolean {
    return (
      statements(this.db)
        .prepare(
          'INSERT OR IGNORE INTO face_group_releases (group_id, release_id) SELECT ?, id FROM releases WHERE id = ?',
        )
        .run(groupId, releaseId).changes > 0
    );
  }

  removeRelease(groupId: number, releaseId: number): boolean {
    return (
      statements(this.db)
        .prepare('DELETE FROM face_group_releases WHERE group_id = ? AND release_id = ?')
        .run(groupId, releaseId).changes > 0
    );
  }

  /** Groups left with no face, no name and no release are nobody: dropped. */
  dropEmpty(): number {
    return statements(this.db)
      .prepare(
        `DELETE FROM face_groups WHERE name IS NULL
           AND NOT EXISTS (SELECT 1 FROM ai_faces f WHERE f.group_id = face_groups.id)
           AND NOT EXISTS (SELECT 1 FROM face_group_releases r WHERE r.group_id = face_groups.id)`,
      )
      .run().changes;
  }

  /** Groups with at least one face, the largest first. */
  list(): FaceGroup[] {
    const rows = statements(this.db)
      .prepare<[null, null], GroupRow>(`${GROUP_SELECT} ORDER BY s.faces DESC, g.id`)
      .all(null, null);
    return this.withReleases(rows);
  }

  get(groupId: number): FaceGroup | null {
    const rows = statements(this.db)
      .prepare<[number, number], GroupRow>(GROUP_SELECT)
      .all(groupId, groupId);
    return this.withReleases(rows)[0] ?? null;
  }

  private withReleases(rows: GroupRow[]): FaceGroup[] {
    const releases = this.releasesOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      faces: r.faces,
      assets: r.assets,
      coverFaceId: r.cover,
      coverAssetId: r.cover_asset,
      coverBox: { x: r.x, y: r.y, w: r.w, h: r.h },
      releaseIds: releases.get(r.id) ?? [],
    }));
  }
}
