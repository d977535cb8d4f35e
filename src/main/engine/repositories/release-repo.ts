import type { Release, ReleaseKind } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { groupByAsset } from './group-by-asset';

export type ReleaseInput = Omit<Release, 'id' | 'createdAt'>;

interface Row {
  id: number;
  kind: string;
  subject: string | null;
  signed_on: string;
  expires_on: string | null;
  restrictions: string | null;
  document_path: string | null;
  created_at: number;
}

const toRelease = (r: Row): Release => ({
  id: r.id,
  kind: r.kind as ReleaseKind,
  subject: r.subject,
  signedOn: r.signed_on,
  expiresOn: r.expires_on,
  restrictions: r.restrictions,
  documentPath: r.document_path,
  createdAt: r.created_at,
});

/** releases and asset_releases (model, property, minor). */
export class ReleaseRepo {
  constructor(private readonly db: Db) {}

  create(r: ReleaseInput): number {
    return Number(
      statements(this.db)
        .prepare(
          `INSERT INTO releases (kind, subject, signed_on, expires_on, restrictions, document_path, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.kind, r.subject, r.signedOn, r.expiresOn, r.restrictions, r.documentPath, Date.now())
        .lastInsertRowid,
    );
  }

  /** Replaces a release's terms; false when there is no such release. */
  update(id: number, r: ReleaseInput): boolean {
    return (
      statements(this.db)
        .prepare(
          `UPDATE releases SET kind = ?, subject = ?, signed_on = ?, expires_on = ?,
             restrictions = ?, document_path = ? WHERE id = ?`,
        )
        .run(r.kind, r.subject, r.signedOn, r.expiresOn, r.restrictions, r.documentPath, id)
        .changes > 0
    );
  }

  /** Its asset links go with it (ON DELETE CASCADE). */
  delete(id: number): boolean {
    return statements(this.db).prepare('DELETE FROM releases WHERE id = ?').run(id).changes > 0;
  }

  get(id: number): Release | null {
    const row = statements(this.db)
      .prepare<[number], Row>('SELECT * FROM releases WHERE id = ?')
      .get(id);
    return row ? toRelease(row) : null;
  }

  list(): (Release & { assets: number })[] {
    return statements(this.db)
      .prepare<[], Row & { assets: number }>(
        `SELECT r.*, (SELECT count(*) FROM asset_releases x WHERE x.release_id = r.id) AS assets
         FROM releases r ORDER BY r.id`,
      )
      .all()
      .map((r) => ({ ...toRelease(r), assets: r.assets }));
  }

  attach(releaseId: number, assetIds: readonly number[]): number {
    const stmt = statements(this.db).prepare(
      'INSERT OR IGNORE INTO asset_releases (asset_id, release_id) SELECT id, ? FROM assets WHERE id = ?',
    );
    let added = 0;
    for (const id of assetIds) added += stmt.run(releaseId, id).changes;
    return added;
  }

  forAssets(assetIds: readonly number[]): Map<number, Release[]> {
    if (assetIds.length === 0) return new Map();
    const rows = statements(this.db)
      .prepare<[string], Row & { asset_id: number }>(
        `SELECT x.asset_id, r.* FROM json_each(?) j
         JOIN asset_releases x ON x.asset_id = j.value JOIN releases r ON r.id = x.release_id
         ORDER BY r.id`,
      )
      .all(JSON.stringify(assetIds));
    return groupByAsset(rows, toRelease);
  }
}
