// ai_embeddings: one image vector per asset (Float32, little-endian) from the CLIP model the
// user brought, named by that model's id. A vector of another model is stale: it is not
// searched, and the AI job embeds the asset again (ai_runs' model differs).
import { endianness } from 'node:os';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface StoredEmbedding {
  model: string;
  vector: Float32Array;
}

/** Every vector of one model, packed: row i is vectors[i * dim … (i + 1) * dim). */
export interface PackedEmbeddings {
  ids: Float64Array;
  vectors: Float32Array;
  dim: number;
  /** Row of each asset id. */
  rowOf: Map<number, number>;
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
   * Changes whenever any vector is added, replaced or removed, by any process (triggers on
   * ai_embeddings): what an in-memory copy checks before each search.
   */
  version(): number {
    return (
      statements(this.db)
        .prepare<[], { version: number }>('SELECT version FROM ai_embedding_state WHERE id = 1')
        .get()?.version ?? 0
    );
  }

  /**
   * Every present asset's vector of this model in one buffer (100,000 × 512 floats is
   * 200 MB: read once, then searched by dot products). Vectors of another length than the
   * first are left out (a damaged row cannot break the search).
   */
  packed(model: string): PackedEmbeddings {
    const from = `FROM ai_embeddings e JOIN assets a ON a.id = e.asset_id
                  WHERE e.model = ? AND a.state != 'missing'`;
    const head = statements(this.db)
      .prepare<[string], { n: number; bytes: number | null }>(
        `SELECT count(*) AS n, min(length(e.vector)) AS bytes ${from}`,
      )
      .get(model);
    const dim = Math.floor((head?.bytes ?? 0) / 4);
    const ids = new Float64Array(head?.n ?? 0);
    const vectors = new Float32Array(ids.length * dim);
    // Bytes straight into the packed buffer (rows need not be 4-byte aligned in their Buffer).
    const bytes = new Uint8Array(vectors.buffer);
    const rowOf = new Map<number, number>();
    let n = 0;
    for (const r of statements(this.db)
      .prepare<[string], { id: number; vector: Buffer }>(
        `SELECT e.asset_id AS id, e.vector ${from}`,
      )
      .iterate(model)) {
      if (r.vector.length !== dim * 4 || n >= ids.length) continue;
      ids[n] = r.id;
      rowOf.set(r.id, n);
      if (LITTLE_ENDIAN) bytes.set(r.vector, n * dim * 4);
      else vectors.set(fromBlob(r.vector), n * dim);
      n++;
    }
    return { ids: ids.subarray(0, n), vectors: vectors.subarray(0, n * dim), dim, rowOf };
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';

function toBlob(vector: Float32Array): Buffer {
  const out = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i] ?? 0, i * 4);
  return out;
}

function fromBlob(blob: Buffer): Float32Array {
  const out = new Float32Array(blob.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = blob.readFloatLE(i * 4);
  return out;
}
