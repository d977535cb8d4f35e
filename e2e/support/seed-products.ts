// Products linked to catalog images, for the export specs. The products UI and engine are
// built elsewhere, so products go straight into the engine's database (the engine's own
// test seeder, a second SQLite connection beside the running server), found by file name.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { MediaRole } from '../../src/shared/product-dto';
import { seedProducts } from '../../src/main/test-support/seed-products';

export interface ProductByName {
  sku: string;
  name: string;
  links: { file: string; role: MediaRole }[];
}

export function seedProductsByFileName(dataDir: string, products: readonly ProductByName[]): void {
  const db = new Database(path.join(dataDir, 'packshot.db'), { readonly: true });
  let idOf: (file: string) => number;
  try {
    const rows = db.prepare('SELECT id, name FROM assets').all() as { id: number; name: string }[];
    const ids = new Map(rows.map((r) => [r.name, r.id]));
    idOf = (file) => {
      const id = ids.get(file);
      if (id === undefined) throw new Error(`no indexed asset named ${file}`);
      return id;
    };
  } finally {
    db.close();
  }
  seedProducts(
    dataDir,
    products.map((p) => ({
      sku: p.sku,
      name: p.name,
      links: p.links.map((l) => ({ assetId: idOf(l.file), role: l.role })),
    })),
  );
}
