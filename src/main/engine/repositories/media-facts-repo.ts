import { emptyFacts, type MediaFacts } from '../../../shared/media-facts';
import type { Db } from '../db/open-database';
import { countedApart } from '../db/bookkeeping-writes';
import { statements } from '../db/statement-cache';

interface FactsRow {
  hash: string;
  duration_ms: number | null;
  codec: string | null;
  fps: number | null;
  bitrate: number | null;
  audio: number | null;
  rotation: number | null;
  pages: number | null;
  title: string | null;
  author: string | null;
  meshes: number | null;
  triangles: number | null;
  materials: number | null;
  textures: number | null;
  frames: number | null;
  detail: string;
}

/** The facts of rich media (migration 22) and a document's searchable text. */
export class MediaFactsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Replaces what is known of this asset: null facts (a photo, or a file read again that
   * now fails) leave no row, so a stale duration never outlives the content it described.
   * Run inside the index result's transaction.
   */
  replace(assetId: number, hash: string, facts: MediaFacts | null, text: string | null): void {
    const st = statements(this.db);
    st.prepare('DELETE FROM media_facts WHERE asset_id = ?').run(assetId);
    countedApart(this.db, 'document_text', () =>
      st.prepare('DELETE FROM document_text WHERE rowid = ?').run(assetId),
    );
    if (facts) {
      st.prepare(
        `INSERT INTO media_facts (asset_id, hash, duration_ms, codec, fps, bitrate, audio, rotation,
           pages, title, author, meshes, triangles, materials, textures, frames, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        assetId,
        hash,
        facts.durationMs,
        facts.codec,
        facts.fps,
        facts.bitrate,
        facts.audio === null ? null : facts.audio ? 1 : 0,
        facts.rotation,
        facts.pages,
        facts.title,
        facts.author,
        facts.meshes,
        facts.triangles,
        facts.materials,
        facts.textures,
        facts.frames,
        JSON.stringify(facts.detail),
      );
    }
    if (text !== null && text.trim() !== '')
      countedApart(this.db, 'document_text', () =>
        st.prepare('INSERT INTO document_text (rowid, body) VALUES (?, ?)').run(assetId, text),
      );
  }

  /** The facts of one asset, or null when it has none (photos, files not read yet). */
  get(assetId: number): MediaFacts | null {
    const row = statements(this.db)
      .prepare<[number], FactsRow>('SELECT * FROM media_facts WHERE asset_id = ?')
      .get(assetId);
    return row ? toFacts(row) : null;
  }

  /** Facts of many assets at once (a page of `assets --json`, an export plan). */
  getMany(ids: readonly number[]): Map<number, MediaFacts> {
    const rows = statements(this.db)
      .prepare<[string], FactsRow & { asset_id: number }>(
        'SELECT f.* FROM json_each(?) j JOIN media_facts f ON f.asset_id = j.value',
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((r) => [r.asset_id, toFacts(r)]));
  }

  /** Play times of these assets that have one (a grid page's video badges). */
  durations(ids: readonly number[]): Map<number, number> {
    const rows = statements(this.db)
      .prepare<[string], { asset_id: number; duration_ms: number }>(
        `SELECT f.asset_id, f.duration_ms FROM json_each(?) j
         JOIN media_facts f ON f.asset_id = j.value WHERE f.duration_ms IS NOT NULL`,
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((r) => [r.asset_id, r.duration_ms]));
  }

  /** A document's extracted text (null when none was extracted). */
  text(assetId: number): string | null {
    const row = statements(this.db)
      .prepare<[number], { body: string }>('SELECT body FROM document_text WHERE rowid = ?')
      .get(assetId);
    return row?.body ?? null;
  }
}

function toFacts(r: FactsRow): MediaFacts {
  return {
    ...emptyFacts(),
    durationMs: r.duration_ms,
    codec: r.codec,
    fps: r.fps,
    bitrate: r.bitrate,
    audio: r.audio === null ? null : r.audio === 1,
    rotation: r.rotation,
    pages: r.pages,
    title: r.title,
    author: r.author,
    meshes: r.meshes,
    triangles: r.triangles,
    materials: r.materials,
    textures: r.textures,
    frames: r.frames,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}
