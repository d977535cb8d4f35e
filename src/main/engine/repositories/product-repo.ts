import type { Product } from '../../../shared/product-dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { productFilter, type ProductSearch } from './search-query';
import { statements, type Preparer } from '../db/statement-cache';

/** What a product is made of, as written (by hand or by import). */
export interface ProductFields {
  sku: string;
  name: string;
  parentId: number | null;
  attributes: Record<string, string>;
  channels: string[];
  productType: string | null;
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  parent_id: number | null;
  parent_sku: string | null;
  attributes: string;
  channels: string;
  product_type: string | null;
  variant_count: number;
  link_count: number;
  main_asset_id: number | null;
  main_hash: string | null;
  updated_at: number;
}

const SELECT = `
  SELECT p.id, p.sku, p.name, p.parent_id, pp.sku AS parent_sku, p.attributes, p.channels,
         p.product_type, p.updated_at,
         (SELECT count(*) FROM products v WHERE v.parent_id = p.id) AS variant_count,
         (SELECT count(*) FROM product_links l WHERE l.product_id = p.id) AS link_count,
         m.asset_id AS main_asset_id,
         (SELECT a.hash FROM assets a WHERE a.id = m.asset_id) AS main_hash
  FROM products p
  LEFT JOIN products pp ON pp.id = p.parent_id
  LEFT JOIN product_links m ON m.product_id = p.id AND m.role = 'main' AND m.position = 0`;

/** A product's row as stored, enough to put it back exactly (undo of a delete). */
export interface ProductRecord {
  id: number;
  sku: string;
  name: string;
  parent_id: number | null;
  attributes: string;
  channels: string;
  product_type: string | null;
  created_at: number;
  updated_at: number;
}

/** The products table: SKUs are unique (case-insensitive), parents are other products. */
export class ProductRepo {
  private readonly db: Preparer;

  constructor(db: Db) {
    this.db = statements(db);
  }

  /** Products a search selects (as export and check do), or all of them. */
  page(
    search: ProductSearch | undefined,
    offset: number,
    limit: number,
    channel?: string,
  ): { total: number; items: Product[] } {
    const filter = search ? productFilter(search) : { sql: '1', params: [] };
    // A channel named in the product's list (stored as a JSON array), exactly.
    const where = channel
      ? `(${filter.sql}) AND EXISTS (SELECT 1 FROM json_each(p.channels) WHERE value = ?)`
      : filter.sql;
    const params = channel ? [...filter.params, channel] : filter.params;
    const total =
      this.db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM products p WHERE ${where}`)
        .get(...params)?.n ?? 0;
    const items = this.db
      .prepare<unknown[], ProductRow>(
        `${SELECT} WHERE ${where} ORDER BY p.sku COLLATE NOCASE LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset)
      .map(toProduct);
    return { total, items };
  }

  all(): Product[] {
    return this.db
      .prepare<[], ProductRow>(`${SELECT} ORDER BY p.sku COLLATE NOCASE`)
      .all()
      .map(toProduct);
  }

  get(id: number): Product | undefined {
    const row = this.db.prepare<[number], ProductRow>(`${SELECT} WHERE p.id = ?`).get(id);
    return row ? toProduct(row) : undefined;
  }

  require(id: number): Product {
    const product = this.get(id);
    if (!product) throw new PackshotError('not_found', `No product with id ${id}`);
    return product;
  }

  /** The product with exactly this SKU (trimmed), else a not_found error naming it. */
  requireSku(sku: string): number {
    const id = this.idOf(sku);
    if (id === undefined)
      throw new PackshotError('not_found', `No product with SKU ${sku.trim().slice(0, 200)}`);
    return id;
  }

  bySku(sku: string): Product | undefined {
    const id = this.idOf(sku);
    return id === undefined ? undefined : this.get(id);
  }

  idOf(sku: string): number | undefined {
    return this.db
      .prepare<[string], { id: number }>('SELECT id FROM products WHERE sku = ?')
      .get(sku.trim())?.id;
  }

  /** Every SKU → id, for imports and rules (one query instead of one per row). */
  idsBySku(): Map<string, number> {
    return new Map(
      this.db
        .prepare<[], { id: number; sku: string }>('SELECT id, sku FROM products')
        .all()
        .map((r) => [r.sku.toLowerCase(), r.id]),
    );
  }

  variants(id: number): Product[] {
    return this.db
      .prepare<[number], ProductRow>(
        `${SELECT} WHERE p.parent_id = ? ORDER BY p.sku COLLATE NOCASE`,
      )
      .all(id)
      .map(toProduct);
  }

  create(fields: ProductFields): number {
    if (this.idOf(fields.sku) !== undefined)
      throw new PackshotError('conflict', `A product with SKU ${fields.sku} already exists`);
    const now = Date.now();
    return Number(
      this.db
        .prepare(
          `INSERT INTO products (sku, name, parent_id, attributes, channels, product_type, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.sku,
          fields.name,
          fields.parentId,
          JSON.stringify(fields.attributes),
          JSON.stringify(fields.channels),
          fields.productType,
          now,
          now,
        ).lastInsertRowid,
    );
  }

  /** Writes the fields; true when something really changed. */
  update(id: number, fields: ProductFields): boolean {
    const other = this.idOf(fields.sku);
    if (other !== undefined && other !== id)
      throw new PackshotError('conflict', `A product with SKU ${fields.sku} already exists`);
    if (fields.parentId !== null) this.checkParent(id, fields.parentId);
    return (
      this.db
        .prepare(
          `UPDATE products SET sku = ?, name = ?, parent_id = ?, attributes = ?, channels = ?,
                  product_type = ?, updated_at = ?
           WHERE id = ? AND (sku IS NOT ? OR name IS NOT ? OR parent_id IS NOT ? OR attributes IS NOT ?
                  OR channels IS NOT ? OR product_type IS NOT ?)`,
        )
        .run(...this.values(fields), Date.now(), id, ...this.values(fields)).changes > 0
    );
  }

  record(id: number): ProductRecord | undefined {
    return this.db
      .prepare<[number], ProductRecord>(
        `SELECT id, sku, name, parent_id, attributes, channels, product_type, created_at,
                updated_at FROM products WHERE id = ?`,
      )
      .get(id);
  }

  /**
   * Puts a deleted product back with its id (undo of a delete); a parent deleted since is
   * dropped. Refused, with the reason, when its id or SKU has been taken since.
   */
  restore(r: ProductRecord): void {
    const holder = this.get(r.id);
    if (holder)
      throw new PackshotError(
        'conflict',
        `Cannot bring back ${r.sku}: its id is now used by ${holder.sku}`,
      );
    if (this.idOf(r.sku) !== undefined)
      throw new PackshotError('conflict', `Cannot bring back ${r.sku}: the SKU is taken again`);
    const parent = r.parent_id !== null && this.get(r.parent_id) ? r.parent_id : null;
    this.db
      .prepare(
        `INSERT INTO products (id, sku, name, parent_id, attributes, channels, product_type,
                               created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        r.sku,
        r.name,
        parent,
        r.attributes,
        r.channels,
        r.product_type,
        r.created_at,
        r.updated_at,
      );
  }

  variantIds(id: number): number[] {
    return this.db
      .prepare<[number], { id: number }>('SELECT id FROM products WHERE parent_id = ? ORDER BY id')
      .all(id)
      .map((r) => r.id);
  }

  /** Makes these products variants of `parentId` again, unless they found a parent since. */
  adopt(parentId: number, ids: readonly number[]): void {
    const update = this.db.prepare(
      'UPDATE products SET parent_id = ? WHERE id = ? AND parent_id IS NULL',
    );
    for (const id of ids) update.run(parentId, id);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM products WHERE id = ?').run(id).changes > 0;
  }

  /** Refuses a parent that is the product itself or one of its own variants (a cycle). */
  checkParent(id: number, parentId: number): void {
    const parentOf = this.db.prepare<[number], { parent_id: number | null }>(
      'SELECT parent_id FROM products WHERE id = ?',
    );
    const seen = new Set<number>();
    for (let at: number | null = parentId; at !== null; at = parentOf.get(at)?.parent_id ?? null) {
      if (at === id || seen.has(at))
        throw new PackshotError('invalid_argument', 'A product cannot be a variant of itself');
      seen.add(at);
    }
  }

  private values(f: ProductFields): unknown[] {
    return [
      f.sku,
      f.name,
      f.parentId,
      JSON.stringify(f.attributes),
      JSON.stringify(f.channels),
      f.productType,
    ];
  }
}

export function fieldsOf(p: Product): ProductFields {
  return {
    sku: p.sku,
    name: p.name,
    parentId: p.parentId,
    attributes: p.attributes,
    channels: p.channels,
    productType: p.productType,
  };
}

function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    parentId: r.parent_id,
    parentSku: r.parent_sku,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    channels: JSON.parse(r.channels) as string[],
    productType: r.product_type,
    variantCount: r.variant_count,
    linkCount: r.link_count,
    mainAssetId: r.main_asset_id,
    mainHash: r.main_hash,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
