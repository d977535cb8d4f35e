// What a published item says beside its file (the static headless pack): an asset's own
// title and description (for alt text) and its placeholder, and when a product last changed.
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface AssetText {
  title: string | null;
  description: string | null;
  placeholder: string | null;
}

const CHUNK = 500;

export class PublishedTextRepo {
  constructor(private readonly db: Db) {}

  assets(ids: readonly number[]): Map<number, AssetText> {
    const out = new Map<number, AssetText>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = statements(this.db)
        .prepare<
          number[],
          { id: number; title: unknown; description: unknown; placeholder: string | null }
        >(
          `SELECT id, json_extract(metadata, '$.title') AS title,
                  json_extract(metadata, '$.description') AS description, placeholder
           FROM assets WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(...chunk);
      for (const r of rows)
        out.set(r.id, {
          title: typeof r.title === 'string' ? r.title : null,
          description: typeof r.description === 'string' ? r.description : null,
          placeholder: r.placeholder,
        });
    }
    return out;
  }

  /** Each product's last change (ms since the epoch). */
  productsUpdated(ids: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = statements(this.db)
        .prepare<number[], { id: number; updated_at: number }>(
          `SELECT id, updated_at FROM products WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(...chunk);
      for (const r of rows) out.set(r.id, r.updated_at);
    }
    return out;
  }
}
