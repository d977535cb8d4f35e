import type { Db } from '../db/open-database';
import { sidecarCandidates } from '../tools/metadata/find-sidecars';
import type { SidecarStamp } from '../tools/metadata/read-sidecars';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

export type { SidecarStamp };

/**
 * The size and mtime of each XMP sidecar as it was when its asset's metadata was read.
 * A walk that finds a sidecar different from this (or new, or gone) re-reads the
 * metadata of the assets it describes; the image itself is unchanged, so nothing else.
 */
export class SidecarRepo {
  constructor(private readonly db: Db) {}

  known(catalogId: number): Map<string, { bytes: number; mtimeMs: number }> {
    const rows = statements(this.db)
      .prepare<[number], { rel_path: string; bytes: number; mtime_ms: number }>(
        'SELECT rel_path, bytes, mtime_ms FROM sidecars WHERE catalog_id = ?',
      )
      .all(catalogId);
    return new Map(rows.map((r) => [r.rel_path, { bytes: r.bytes, mtimeMs: r.mtime_ms }]));
  }

  /**
   * What an asset's metadata was read with: these sidecars, and none of its other
   * candidate names (a sidecar deleted since is forgotten).
   */
  recordRead(catalogId: number, assetRelPath: string, read: readonly SidecarStamp[]): void {
    const present = new Set(read.map((s) => s.relPath));
    const drop = statements(this.db).prepare(
      'DELETE FROM sidecars WHERE catalog_id = ? AND rel_path = ?',
    );
    writeTransaction(this.db, () => {
      for (const rel of sidecarCandidates(assetRelPath)) {
        if (!present.has(rel)) drop.run(catalogId, rel);
      }
      this.record(catalogId, read, []);
    });
  }

  /** Records stamps and forgets paths, in one transaction. */
  record(catalogId: number, stamps: readonly SidecarStamp[], gone: readonly string[]): void {
    const upsert = statements(this.db).prepare(
      `INSERT INTO sidecars (catalog_id, rel_path, bytes, mtime_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (catalog_id, rel_path) DO UPDATE SET bytes = excluded.bytes, mtime_ms = excluded.mtime_ms`,
    );
    const drop = statements(this.db).prepare(
      'DELETE FROM sidecars WHERE catalog_id = ? AND rel_path = ?',
    );
    writeTransaction(this.db, () => {
      for (const s of stamps) upsert.run(catalogId, s.relPath, s.bytes, s.mtimeMs);
      for (const rel of gone) drop.run(catalogId, rel);
    });
  }
}
