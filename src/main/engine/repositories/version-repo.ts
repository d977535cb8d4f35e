import type { AssetVersion } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import type { AuditLog } from './audit-log-repo';

export interface VersionFacts {
  hash: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

/** asset_versions: each distinct content an asset has had at its path, oldest first. */
export class VersionRepo {
  constructor(
    private readonly db: Db,
    /** A new content for a known asset is a change the audit log keeps (not a first index). */
    private readonly audit?: AuditLog,
  ) {}

  /** Records a content the asset has now, once per distinct content in a row. */
  record(id: number, v: VersionFacts): void {
    const last = statements(this.db)
      .prepare<[number], { hash: string }>(
        'SELECT hash FROM asset_versions WHERE asset_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(id);
    if (last?.hash === v.hash) return;
    statements(this.db)
      .prepare(
        'INSERT INTO asset_versions (asset_id, hash, bytes, width, height, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, v.hash, v.bytes, v.width, v.height, new Date().toISOString());
    if (last)
      this.audit?.record({
        action: 'version.record',
        subject: { kind: 'asset', id },
        before: { hash: last.hash },
        after: { hash: v.hash, bytes: v.bytes, width: v.width, height: v.height },
      });
  }

  /** Some asset had this content once: its derived media may be served. */
  known(hash: string): boolean {
    return (
      statements(this.db)
        .prepare<[string], { one: number }>(
          'SELECT 1 AS one FROM asset_versions WHERE hash = ? LIMIT 1',
        )
        .get(hash) !== undefined
    );
  }

  history(id: number): AssetVersion[] {
    return statements(this.db)
      .prepare<
        [number],
        {
          hash: string;
          bytes: number;
          width: number | null;
          height: number | null;
          recorded_at: string;
        }
      >(
        'SELECT hash, bytes, width, height, recorded_at FROM asset_versions WHERE asset_id = ? ORDER BY id',
      )
      .all(id)
      .map((v) => ({
        hash: v.hash,
        bytes: v.bytes,
        width: v.width,
        height: v.height,
        recordedAt: v.recorded_at,
      }));
  }
}
