// usages: where each exported file went. An export syncs its pack's rows to the manifest it
// committed: a file new to the pack (or holding another asset or version now) opens a row,
// a file still there is touched, a file gone from the manifest ends its row (removed_at).
// Syncing to the whole manifest, not to this run's writes, makes it idempotent: a process
// killed between the manifest's commit and this sync is put right by the next export.
import type { LicencedAsset, UsageRow } from '../../../shared/usage-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

/** A file the pack's manifest lists, as the usage table needs it. */
export interface PackedFile {
  file: string;
  assetId: number;
  versionHash: string;
  channel: string;
  presetId: string;
  productId: number;
  sku: string;
}

interface Row {
  asset_id: number;
  version_hash: string;
  channel: string;
  preset_id: string;
  product_id: number;
  sku: string;
  pack: string;
  file: string;
  exported_at: string;
  last_seen_at: string;
  removed_at: string | null;
}

export interface SyncCounts {
  opened: number;
  kept: number;
  ended: number;
}

export class UsageRepo {
  constructor(private readonly db: Db) {}

  /** Brings the pack's live rows in line with its manifest, in one write transaction. */
  sync(pack: string, files: readonly PackedFile[], now = new Date().toISOString()): SyncCounts {
    return writeTransaction(this.db, () => {
      const s = statements(this.db);
      const live = new Map(
        s
          .prepare<[string], Row & { id: number }>(
            'SELECT * FROM usages WHERE pack = ? AND removed_at IS NULL',
          )
          .all(pack)
          .map((r) => [r.file, r]),
      );
      const end = s.prepare('UPDATE usages SET removed_at = ? WHERE id = ?');
      const insert = s.prepare(
        `INSERT INTO usages (asset_id, version_hash, channel, preset_id, product_id, sku, pack,
           file, exported_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const counts: SyncCounts = { opened: 0, kept: 0, ended: 0 };
      for (const f of files) {
        const row = live.get(f.file);
        live.delete(f.file);
        if (row && sameUse(row, f)) {
          counts.kept++;
          continue;
        }
        if (row) {
          end.run(now, row.id);
          counts.ended++;
        }
        insert.run(
          f.assetId,
          f.versionHash,
          f.channel,
          f.presetId,
          f.productId,
          f.sku,
          pack,
          f.file,
          now,
          now,
        );
        counts.opened++;
      }
      for (const row of live.values()) {
        end.run(now, row.id);
        counts.ended++;
      }
      // Every file still listed was seen by this export: one statement, not one per file.
      if (counts.kept > 0)
        s.prepare('UPDATE usages SET last_seen_at = ? WHERE pack = ? AND removed_at IS NULL').run(
          now,
          pack,
        );
      return counts;
    });
  }

  /** Where an asset went: live rows first, then the past, newest first. */
  list(assetId: number): UsageRow[] {
    return statements(this.db)
      .prepare<[number], Row>(
        `SELECT * FROM usages WHERE asset_id = ?
         ORDER BY removed_at IS NOT NULL, exported_at DESC, pack, file`,
      )
      .all(assetId)
      .map(toUsage);
  }

  /** The assets a licence covers, and where their files went (live first, newest first). */
  forLicence(licenceId: number, limit: number): { assets: LicencedAsset[]; usages: UsageRow[] } {
    const s = statements(this.db);
    const assets = s
      .prepare<[number, number], LicencedAsset>(
        `SELECT a.id, a.name, a.rel_path AS relPath FROM asset_licences x
           JOIN assets a ON a.id = x.asset_id WHERE x.licence_id = ? ORDER BY a.name, a.id LIMIT ?`,
      )
      .all(licenceId, limit);
    const usages = s
      .prepare<[number, number], Row>(
        `SELECT u.* FROM asset_licences x JOIN usages u ON u.asset_id = x.asset_id
          WHERE x.licence_id = ?
          ORDER BY u.removed_at IS NOT NULL, u.exported_at DESC, u.pack, u.file LIMIT ?`,
      )
      .all(licenceId, limit)
      .map(toUsage);
    return { assets, usages };
  }
}

function sameUse(row: Row, f: PackedFile): boolean {
  return (
    row.asset_id === f.assetId &&
    row.version_hash === f.versionHash &&
    row.preset_id === f.presetId &&
    row.product_id === f.productId &&
    row.sku === f.sku &&
    row.channel === f.channel
  );
}

function toUsage(r: Row): UsageRow {
  return {
    assetId: r.asset_id,
    versionHash: r.version_hash,
    channel: r.channel,
    presetId: r.preset_id,
    productId: r.product_id,
    sku: r.sku,
    pack: r.pack,
    file: r.file,
    exportedAt: r.exported_at,
    lastSeenAt: r.last_seen_at,
    removedAt: r.removed_at,
  };
}
