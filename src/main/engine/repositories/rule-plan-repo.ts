import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

/** A file filename rules may link. */
export interface RuleCandidate {
  id: number;
  rel_path: string;
  name: string;
}

const CANDIDATES = `SELECT id, rel_path, name FROM assets WHERE state != 'missing'`;

/**
 * What a filename-rule plan (dry run or auto rule) reads: products by SKU and their links.
 * Made once per plan, so its lookups are prepared once and reused for every file.
 */
export class RulePlanRepo {
  // Looked up per name (indexed), not loaded whole: auto rules plan one file at a time.
  private readonly bySku: Database.Statement<[string], { id: number; sku: string }>;
  private readonly linkRole: Database.Statement<[number, number], { role: string }>;
  private readonly names: Database.Statement<[number], { role: string; name: string }>;
  private readonly slotCount: Database.Statement<[number, string], { n: number }>;

  constructor(private readonly db: Db) {
    const cache = statements(db);
    this.bySku = cache.prepare<[string], { id: number; sku: string }>(
      'SELECT id, sku FROM products WHERE sku = ?',
    );
    this.linkRole = cache.prepare<[number, number], { role: string }>(
      'SELECT role FROM product_links WHERE product_id = ? AND asset_id = ?',
    );
    this.names = cache.prepare<[number], { role: string; name: string }>(
      `SELECT l.role, a.name FROM product_links l JOIN assets a ON a.id = l.asset_id
     WHERE l.product_id = ?`,
    );
    this.slotCount = cache.prepare<[number, string], { n: number }>(
      'SELECT count(*) AS n FROM product_links WHERE product_id = ? AND role = ?',
    );
  }

  /** Present files (not missing), all by name or those among `only`. */
  candidates(only?: readonly number[]): RuleCandidate[] {
    if (!only)
      return statements(this.db).prepare<[], RuleCandidate>(`${CANDIDATES} ORDER BY name`).all();
    const get = statements(this.db).prepare<[number], RuleCandidate>(`${CANDIDATES} AND id = ?`);
    return only.map((id) => get.get(id)).filter((c): c is RuleCandidate => c !== undefined);
  }

  productBySku(sku: string): { id: number; sku: string } | undefined {
    return this.bySku.get(sku);
  }

  /** Whether the asset is already linked to the product (in any role). */
  isLinked(productId: number, assetId: number): boolean {
    return this.linkRole.get(productId, assetId) !== undefined;
  }

  /** The product's linked files: role and file name. */
  linkedNames(productId: number): { role: string; name: string }[] {
    return this.names.all(productId);
  }

  /** How many files the product has in a role. */
  slotLength(productId: number, role: string): number {
    return this.slotCount.get(productId, role)?.n ?? 0;
  }
}
