// ai_link_suggestions (migration 25): a product whose SKU the OCR read in an asset, pending
// until the user accepts (the asset is then linked) or rejects it (never suggested again).
import type { AiLinkSuggestion, SuggestionState } from '../../../shared/ai-dto';
import type { AssetKind } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { ftsTerm } from './fts-term';

export interface SkuHit {
  id: number;
  sku: string;
}

export class LinkSuggestionRepo {
  constructor(private readonly db: Db) {}

  /** The product with this SKU (NOCASE, as the column: one lookup of its unique index). */
  bySku(sku: string): SkuHit | undefined {
    return statements(this.db)
      .prepare<[string], SkuHit>('SELECT id, sku FROM products WHERE sku = ?')
      .get(sku);
  }

  /** Images whose OCR text holds these words as a phrase (FTS5: a candidate, not a match). */
  assetsShowing(words: string, limit: number): number[] {
    return statements(this.db)
      .prepare<[string, number], number>(
        'SELECT rowid FROM ai_words WHERE ai_words MATCH ? LIMIT ?',
      )
      .pluck()
      .all(`{text} : ${ftsTerm(words, true)}`, limit);
  }

  /** What OCR read in the image ('' when nothing; undefined when not read). */
  textOf(assetId: number): string | undefined {
    return statements(this.db)
      .prepare<[number], string>('SELECT text FROM ai_text WHERE asset_id = ?')
      .pluck()
      .get(assetId);
  }

  /** SKUs of products created at or after `ms` (an import's new products). */
  skusCreatedSince(ms: number): string[] {
    return statements(this.db)
      .prepare<[number], string>('SELECT sku FROM products WHERE created_at >= ?')
      .pluck()
      .all(ms);
  }

  /** The asset's kind (image, raw, video, document…): the role its link takes. */
  assetKind(assetId: number): AssetKind | undefined {
    return statements(this.db)
      .prepare<[number], AssetKind>('SELECT kind FROM assets WHERE id = ?')
      .pluck()
      .get(assetId);
  }

  /** Products the asset is linked to, in any role. */
  linkedProducts(assetId: number): Set<number> {
    const ids = statements(this.db)
      .prepare<[number], number>('SELECT product_id FROM product_links WHERE asset_id = ?')
      .pluck()
      .all(assetId);
    return new Set(ids);
  }

  /** The asset's suggestions by product: pending, accepted or rejected. */
  states(assetId: number): Map<number, SuggestionState> {
    const rows = statements(this.db)
      .prepare<[number], { product_id: number; state: SuggestionState }>(
        'SELECT product_id, state FROM ai_link_suggestions WHERE asset_id = ?',
      )
      .all(assetId);
    return new Map(rows.map((r) => [r.product_id, r.state]));
  }

  state(assetId: number, productId: number): SuggestionState | undefined {
    return statements(this.db)
      .prepare<[number, number], SuggestionState>(
        'SELECT state FROM ai_link_suggestions WHERE asset_id = ? AND product_id = ?',
      )
      .pluck()
      .get(assetId, productId);
  }

  /** A pending suggestion; one already decided (or pending) stays as it is. */
  suggest(assetId: number, productId: number, matched: string): boolean {
    return (
      statements(this.db)
        .prepare<[number, number, string]>(
          `INSERT INTO ai_link_suggestions (asset_id, product_id, matched, state)
           VALUES (?, ?, ?, 'pending') ON CONFLICT DO NOTHING`,
        )
        .run(assetId, productId, matched).changes > 0
    );
  }

  /** Drops a pending suggestion (the text that made it is no longer read). */
  dropPending(assetId: number, productId: number): void {
    statements(this.db)
      .prepare<[number, number]>(
        `DELETE FROM ai_link_suggestions
         WHERE asset_id = ? AND product_id = ? AND state = 'pending'`,
      )
      .run(assetId, productId);
  }

  /** Sets a suggestion's state; a rejection with no suggestion is kept, so none follows. */
  setState(assetId: number, productId: number, state: SuggestionState): void {
    statements(this.db)
      .prepare<[number, number, SuggestionState]>(
        `INSERT INTO ai_link_suggestions (asset_id, product_id, matched, state)
         VALUES (?, ?, '', ?) ON CONFLICT DO UPDATE SET state = excluded.state`,
      )
      .run(assetId, productId, state);
  }

  /** The asset's suggestions with their product, SKU order (for AssetAi.links). */
  list(assetId: number): AiLinkSuggestion[] {
    return statements(this.db)
      .prepare<[number], AiLinkSuggestion>(
        `SELECT s.product_id AS productId, p.sku, p.name AS productName, s.matched, s.state
         FROM ai_link_suggestions s JOIN products p ON p.id = s.product_id
         WHERE s.asset_id = ? ORDER BY p.sku COLLATE NOCASE`,
      )
      .all(assetId);
  }
}
