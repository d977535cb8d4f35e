// FOUNDATION PLACEHOLDER (H3, text, fills it in): products whose SKU appears in the text
// OCR read from an asset become link suggestions (ai_link_suggestions). The AI job calls it
// inside the transaction that writes the asset's text.
import type { Db } from '../db/open-database';

export function suggestLinks(db: Db, assetId: number, text: string): number {
  void db;
  void assetId;
  void text;
  return 0;
}
