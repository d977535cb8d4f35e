// ai_embeddings: one image vector per asset (Float32, little-endian) from the CLIP model the
// user brought, named by that model's id. A vector of another model is stale: it is not
// searched, and the AI job embeds the asset again (ai_runs' model differs).
import { endianness } from 'node:os';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { PackedEmbeddings } from './packed-embeddings';

export interface StoredEmbedding {
  model: string;
  vector: Float32Array;
}

export class EmbeddingRepo {
  constructor(private readonly db: Db) {}

  /** Stores (or replaces) an asset's vector; callers hold the write transaction. */
  put(assetId: number, model: string, vector: Float32Array): void {
    statements(this.db)
      .prepare('INSERT OR REPLACE INTO ai_embeddings (asset_id, model, vector) VALUES (?, ?, ?)')
      .run(assetId, model, toBlob(vector));
  }

  remove(assetId: number): void {
    statements(this.db).prepare('DELETE FROM ai_embeddings WHERE asset_id = ?').run(assetId);
  }

  get(assetId: number): StoredEmbedding | undefined {
    const row = statements(this.db)
      .prepare<[number], { model: string; vector: Buffer }>(
        'SELECT model, vector FROM ai_embeddings WHERE asset_id = ?',
      )
      .get(assetId);
    return row ? { model: row.model, vector: fromBlob(row.vector) } : undefined;
  }

  /** How many assets have a vector of this model. */
  count(model: string): number {
    return (
      statements(this.db)
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM ai_embeddings WHERE model = ?')
        .get(model)?.n ?? 0
    );
  }

  /**
   * The last change to any vector, by any process (triggers write ai_embedding_changes):
   * what an in-memory copy compares before each search.
   */
  lastChange(): number {
    return (
      statements(this.db)
        .prepare<[], { v: number | null }>('SELECT max(version) AS v FROM ai_embedding_changes')
        .get()?.v ?? 0
    );
  }

  /**
   * Every vector of this model in one buffer (100,000 × 512 floats is 200 MB, read once,
   * then searched by dot products). Vectors of another length than the first are left out
   * (a damaged row cannot break the search).
   */
  packed(model: string): PackedEmbeddings {
    const packed = this.emptyPacked(model);
    for (let after = 0; after >= 0;) after = this.readChunk(packed, model, after, 1_000_000);
    return packed;
  }

  /** An empty buffer sized for the model's vectors (a count from the model index). */
  emptyPacked(model: string): PackedEmbeddings {
    const first = statements(this.db)
      .prepare<[string], { bytes: number }>(
        'SELECT length(vector) AS bytes FROM ai_embeddings WHERE model = ? LIMIT 1',
      )
      .get(model);
    return new PackedEmbeddings((first?.bytes ?? 0) >> 2, this.count(model));
  }

  /**
   * Reads up to `limit` of the model's vectors with asset ids above `after` into `packed`;
   * the last id read, or -1 when none were left. A caller reading in chunks lets other
   * work run between them (100,000 vectors take a second or more).
   */
  readChunk(packed: PackedEmbeddings, model: string, after: number, limit: number): number {
    let last = -1;
    for (const r of statements(this.db)
      .prepare<[string, number, number], { id: number; vector: Buffer }>(
        `SELECT asset_id AS id, vector FROM ai_embeddings WHERE model = ? AND asset_id > ?
         ORDER BY asset_id LIMIT ?`,
      )
      .iterate(model, after, limit)) {
      last = r.id;
      if (packed.dim > 0 && r.vector.length === packed.dim * 4) packed.set(r.id, bytesOf(r.vector));
    }
    return last;
  }

  /**
   * Brings `packed` from change `since` to change `until`: the rows changed in between are
   * read again (or dropped). False when those changes are no longer all kept (the log keeps
   * the last 10,000): read everything instead.
   */
  refresh(packed: PackedEmbeddings, model: string, since: number, until: number): boolean {
    const first = statements(this.db)
      .prepare<[], { v: number | null }>('SELECT min(version) AS v FROM ai_embedding_changes')
      .get()?.v;
    if (first === null || first === undefined || first > since + 1) return false;
    const changed = statements(this.db)
      .prepare<[number, number], { asset_id: number; model: string | null; vector: Buffer | null }>(
        `SELECT c.asset_id, e.model, e.vector FROM
           (SELECT DISTINCT asset_id FROM ai_embedding_changes WHERE version > ? AND version <= ?) c
         LEFT JOIN ai_embeddings e ON e.asset_id = c.asset_id`,
      )
      .all(since, until);
    // An empty copy has no vector length yet: the first vectors are read whole.
    if (packed.dim === 0) return changed.every((r) => r.model !== model);
    for (const r of changed) {
      if (r.model === model && r.vector?.length === packed.dim * 4)
        packed.set(r.asset_id, bytesOf(r.vector));
      else packed.delete(r.asset_id);
    }
    return true;
  }
}

/** A stored vector as the packed buffer takes it: its bytes on a little-endian host. */
function bytesOf(blob: Buffer): Uint8Array | Float32Array {
  return LITTLE_ENDIAN ? blob : fromBlob(blob);
}

const LITTLE_ENDIAN = endianness() === 'LE';

function toBlob(vector: Float32Array): Buffer {
  if (LITTLE_ENDIAN)
    return Buffer.from(
      vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength),
    );
  const out = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i] ?? 0, i * 4);
  return out;
}

function fromBlob(blob: Buffer): Float32Array {
  const out = new Float32Array(blob.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = blob.readFloatLE(i * 4);
  return out;
}
