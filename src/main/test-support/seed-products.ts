// Products and links for export tests, written with plain SQL into the engine's database
// (a second connection; WAL lets both work) while the products engine is built elsewhere.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { MediaRole } from '../../shared/product-dto';

export interface SeedProduct {
  sku: string;
  name?: string;
  parentSku?: string;
  attributes?: Record<string, string>;
  channels?: string[];
  links: { assetId: number; role: MediaRole; position?: number }[];
}

/** Inserts products (parents first) and their links; returns the ids by SKU. */
export function seedProducts(
  dataDir: string,
  products: readonly SeedProduct[],
): Map<string, number> {
  const db = new Database(join(dataDir, 'packshot.db'));
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const ids = new Map<string, number>();
  try {
    db.transaction(() => {
      const now = Date.now();
      const insert = db.prepare(
        `INSERT INTO products (sku, name, parent_id, attributes, channels, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const link = db.prepare(
        `INSERT INTO product_links (product_id, asset_id, role, position, linked_at)
         VALUES (?, ?, ?, ?, ?)`,
      );
      const ordered = [...products].sort((a, b) => Number(!!a.parentSku) - Number(!!b.parentSku));
      for (const p of ordered) {
        const parent = p.parentSku ? (ids.get(p.parentSku) ?? null) : null;
        const info = insert.run(
          p.sku,
          p.name ?? '',
          parent,
          JSON.stringify(p.attributes ?? {}),
          JSON.stringify(p.channels ?? []),
          now,
          now,
        );
        const id = Number(info.lastInsertRowid);
        ids.set(p.sku, id);
        const perRole = new Map<string, number>();
        for (const l of p.links) {
          const position = l.position ?? perRole.get(l.role) ?? 0;
          perRole.set(l.role, position + 1);
          link.run(id, l.assetId, l.role, position, now);
        }
      }
    })();
  } finally {
    db.close();
  }
  return ids;
}
