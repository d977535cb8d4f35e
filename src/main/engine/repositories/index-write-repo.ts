import type { AssetMetadata } from '../../../shared/dto';
import type { MediaFacts } from '../../../shared/media-facts';
import type { ImageAnalysis } from '../analysis/analyze-pixels';
import type { Db } from '../db/open-database';
import { countedApart } from '../db/bookkeeping-writes';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

export interface IndexedFields {
  hash: string;
  format: string | null;
  width: number | null;
  height: number | null;
  thumb: 'ready' | 'none' | 'error';
  state: 'ok' | 'error';
  error: string | null;
  orientation: number | null;
  capturedAt: string | null;
  camera: string | null;
  metadata: AssetMetadata | null;
  placeholder: string | null;
  notice: string | null;
  analysis: ImageAnalysis | null;
  /** Rich media's facts (video, document, model, spin); absent or null for photos. */
  facts?: MediaFacts | null;
  /** A document's text to search. */
  text?: string | null;
}

/** The file's rights claims get a column of their own: searched and checked without the metadata. */
function claimsJson(m: AssetMetadata | null): string | null {
  return m?.rightsClaims ? JSON.stringify(m.rightsClaims) : null;
}

function pureWhiteBorder(analysis: ImageAnalysis | null): number | null {
  const pure = analysis?.pureWhiteBorder ?? null;
  return pure === null ? null : pure ? 1 : 0;
}

/** Palette names covering at least a tenth of the image, for color: searches. */
function colorNames(analysis: ImageAnalysis | null): string[] {
  const shares = new Map<string, number>();
  for (const c of analysis?.colors ?? []) shares.set(c.name, (shares.get(c.name) ?? 0) + c.share);
  return [...shares].filter(([, share]) => share >= 0.1).map(([name]) => name);
}

/**
 * What indexing writes on an asset row: its facts, its identity (a move, a copy), culling
 * the file's own XMP states. The ingest pipeline calls these inside one transaction.
 */
export class IndexWriteRepo {
  constructor(private readonly db: Db) {}

  markIndexed(id: number, f: IndexedFields): void {
    statements(this.db)
      .prepare(
        `UPDATE assets SET hash = ?, format = ?, width = ?, height = ?, thumb = ?, state = ?, error = ?,
                orientation = ?, captured_at = ?, camera = ?, metadata = ?,
                placeholder = ?, notice = ?, colors = ?, color_names = ?, white_bg = ?, fill = ?,
                sharpness = ?, phash = ?, rights_claims = ?, pure_white_border = ?
         WHERE id = ?`,
      )
      .run(
        f.hash,
        f.format,
        f.width,
        f.height,
        f.thumb,
        f.state,
        f.error,
        f.orientation,
        f.capturedAt,
        f.camera,
        f.metadata ? JSON.stringify(f.metadata) : null,
        f.placeholder,
        f.notice,
        f.analysis ? JSON.stringify(f.analysis.colors) : null,
        JSON.stringify(colorNames(f.analysis)),
        f.analysis?.whiteBackground ?? null,
        f.analysis?.fill ?? null,
        f.analysis?.sharpness ?? null,
        f.analysis?.phash ?? null,
        claimsJson(f.metadata),
        pureWhiteBorder(f.analysis),
        id,
      );
  }

  /**
   * Metadata re-read without the image (its sidecar changed): pixels and thumbnail stay,
   * and so does an orientation the metadata no longer states (the decoder's).
   */
  markMetadata(
    id: number,
    f: Pick<IndexedFields, 'orientation' | 'capturedAt' | 'camera' | 'metadata'>,
  ): void {
    statements(this.db)
      .prepare(
        `UPDATE assets SET orientation = coalesce(?, orientation), captured_at = ?, camera = ?,
                metadata = ?, rights_claims = ? WHERE id = ?`,
      )
      .run(
        f.orientation,
        f.capturedAt,
        f.camera,
        f.metadata ? JSON.stringify(f.metadata) : null,
        claimsJson(f.metadata),
        id,
      );
  }

  markError(id: number, reason: string, hash: string | null): void {
    writeTransaction(this.db, () => {
      const st = statements(this.db);
      st.prepare(
        `UPDATE assets SET state = 'error', error = ?, hash = ?, thumb = 'none',
                format = NULL, width = NULL, height = NULL
         WHERE id = ?`,
      ).run(reason, hash, id);
      // What was read of the content before (a video's duration, a manual's text) no longer
      // describes the file: it must not be shown or found.
      st.prepare('DELETE FROM media_facts WHERE asset_id = ?').run(id);
      countedApart(this.db, 'document_text', () =>
        st.prepare('DELETE FROM document_text WHERE rowid = ?').run(id),
      );
    });
  }

  /**
   * A file seen as new (row `from`) is an older asset (`to`) that moved: the old asset
   * takes the new path and keeps its id, and so everything attached to it; `from` goes.
   * The decision was made before, outside any transaction (with file checks), and another
   * process may have made its own meanwhile: it is checked again here, under the write
   * lock. `from` must still be unread (pending, no hash), and `to` still hold `hash` and be
   * where it was seen vanished (or marked missing). Otherwise nothing moves: false.
   */
  transplant(
    from: number,
    to: { id: number; catalogId: number; relPath: string },
    hash: string,
  ): boolean {
    return writeTransaction(this.db, () => {
      const still = statements(this.db)
        .prepare<[number, number, string, number, string], { n: number }>(
          `SELECT (SELECT count(*) FROM assets WHERE id = ? AND state = 'pending' AND hash IS NULL)
                + (SELECT count(*) FROM assets WHERE id = ? AND hash = ? AND (state = 'missing'
                     OR (catalog_id = ? AND rel_path = ?))) AS n`,
        )
        .get(from, to.id, hash, to.catalogId, to.relPath);
      if (still?.n !== 2) return false;
      const row = statements(this.db)
        .prepare<
          [number],
          {
            catalog_id: number;
            rel_path: string;
            name: string;
            folder: string;
            bytes: number;
            mtime_ms: number;
            kind: string;
            ino: number | null;
            dev: number | null;
          }
        >(
          'SELECT catalog_id, rel_path, name, folder, bytes, mtime_ms, kind, ino, dev FROM assets WHERE id = ?',
        )
        .get(from);
      if (!row) return false;
      // Links made to the new row (a file dropped onto a product) follow it to the asset it is.
      statements(this.db)
        .prepare('UPDATE OR IGNORE product_links SET asset_id = ? WHERE asset_id = ?')
        .run(to.id, from);
      statements(this.db).prepare('DELETE FROM assets WHERE id = ?').run(from);
      statements(this.db)
        .prepare(
          `UPDATE assets SET catalog_id = ?, rel_path = ?, name = ?, folder = ?, bytes = ?, mtime_ms = ?,
                  kind = ?, ino = ?, dev = ?, state = 'pending'
           WHERE id = ?`,
        )
        .run(
          row.catalog_id,
          row.rel_path,
          row.name,
          row.folder,
          row.bytes,
          row.mtime_ms,
          row.kind,
          row.ino,
          row.dev,
          to.id,
        );
      // Copies that pointed at the vanished row now point at the asset it really was.
      statements(this.db)
        .prepare('UPDATE assets SET duplicate_of = ? WHERE duplicate_of = ?')
        .run(to.id, from);
      return true;
    });
  }

  setDuplicateOf(id: number, of: number | null): void {
    statements(this.db).prepare('UPDATE assets SET duplicate_of = ? WHERE id = ?').run(of, id);
  }

  /** Rating and label as the file's XMP says, when it says (another tool changed them). */
  applyFileCulling(id: number, rating: number | null, label: string | null): void {
    if (rating !== null && Number.isInteger(rating) && rating >= 0 && rating <= 5) {
      statements(this.db).prepare('UPDATE assets SET rating = ? WHERE id = ?').run(rating, id);
    }
    const known = ['red', 'yellow', 'green', 'blue', 'purple'];
    if (label !== null && known.includes(label.toLowerCase())) {
      statements(this.db)
        .prepare('UPDATE assets SET label = ? WHERE id = ?')
        .run(label.toLowerCase(), id);
    }
  }

  /** The content hash, known before the rest of the asset is read. */
  recordHash(id: number, hash: string): void {
    statements(this.db).prepare('UPDATE assets SET hash = ? WHERE id = ?').run(hash, id);
  }

  /** Copies of an asset whose content has since changed are copies no more. */
  releaseCopies(id: number, hash: string): void {
    statements(this.db)
      .prepare('UPDATE assets SET duplicate_of = NULL WHERE duplicate_of = ? AND hash != ?')
      .run(id, hash);
  }
}
