import type { XmpMode, XmpNaming } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { followAiContent } from './ai-results-repo';
import { writeTransaction } from '../db/write-transaction';
import type { XmpTarget } from '../tools/exiftool/xmp-writer';

/** What XMP write-back needs to know of assets: where, how, and what to write. */
export class XmpTargetRepo {
  constructor(private readonly db: Db) {}

  /** Whether any reachable catalog writes XMP (it is off by default). */
  writing(): boolean {
    return (
      statements(this.db)
        .prepare<[], { one: number }>(
          `SELECT 1 AS one FROM catalogs WHERE xmp_mode != 'off' AND online = 1 LIMIT 1`,
        )
        .get() !== undefined
    );
  }

  /** What XMP write-back needs for these assets, in catalogs that write it. */
  targets(ids: readonly number[]): XmpTarget[] {
    // Write-back is off by default: then there is nothing to look up, however many assets an
    // edit touched (one lookup per asset is ~0.1 s for 10,000 on wide rows).
    if (!this.writing()) return [];
    const one = statements(this.db).prepare<
      [number],
      {
        catalog_path: string;
        rel_path: string;
        kind: string;
        format: string | null;
        xmp_mode: XmpMode;
        xmp_naming: XmpNaming;
        rating: number;
        label: string | null;
        state: string;
        hash: string | null;
      }
    >(
      `SELECT c.path AS catalog_path, a.rel_path, a.kind, a.format, c.xmp_mode, c.xmp_naming, a.rating, a.label, a.state, a.hash
       FROM assets a JOIN catalogs c ON c.id = a.catalog_id WHERE a.id = ? AND c.xmp_mode != 'off' AND c.online = 1`,
    );
    const paths = statements(this.db).prepare<[number], { path: string }>(
      'SELECT t.path FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE at.asset_id = ? ORDER BY t.path',
    );
    const targets: XmpTarget[] = [];
    for (const id of ids) {
      const row = one.get(id);
      if (!row || row.state === 'missing' || row.state === 'error') continue;
      targets.push({
        assetId: id,
        hash: row.hash,
        catalogPath: row.catalog_path,
        relPath: row.rel_path,
        kind: row.kind,
        format: row.format,
        mode: row.xmp_mode,
        naming: row.xmp_naming,
        tagPaths: paths.all(id).map((p) => p.path),
        rating: row.rating,
        label: row.label,
      });
    }
    return targets;
  }

  /**
   * Records the content Packshot's own XMP write gave a file, so neither the next scan nor
   * a re-read takes it for a new version: the asset's row takes the new hash, size and
   * mtime (a scan then sees nothing changed), and its latest version, the content the
   * write started from, takes the new hash. A re-read that got there first recorded the
   * write as a version of its own: that line goes. Nothing when the file was changed by
   * something else meanwhile (the row holds neither hash). The pixels are the same: the
   * AI's results follow the new hash.
   */
  recordWritten(id: number, before: string, after: WrittenContent): boolean {
    return writeTransaction(this.db, () => {
      const s = statements(this.db);
      const info = s
        .prepare(
          `UPDATE assets SET hash = ?, bytes = ?, mtime_ms = ? WHERE id = ? AND hash IN (?, ?)`,
        )
        .run(after.hash, after.bytes, after.mtimeMs, id, before, after.hash);
      if (info.changes === 0) return false;
      if (before !== after.hash) followAiContent(this.db, id, before, after.hash);
      const [last, prior] = s
        .prepare<[number], { id: number; hash: string }>(
          'SELECT id, hash FROM asset_versions WHERE asset_id = ? ORDER BY id DESC LIMIT 2',
        )
        .all(id);
      let latest = last;
      if (last?.hash === after.hash && prior?.hash === before) {
        s.prepare('DELETE FROM asset_versions WHERE id = ?').run(last.id);
        latest = prior;
      }
      if (latest?.hash === before)
        s.prepare('UPDATE asset_versions SET hash = ?, bytes = ? WHERE id = ?').run(
          after.hash,
          after.bytes,
          latest.id,
        );
      return true;
    });
  }
}

export interface WrittenContent {
  hash: string;
  bytes: number;
  mtimeMs: number;
}
