// Products whose SKU the OCR read in an asset become link suggestions (ai_link_suggestions).
// The AI job calls suggestLinks inside the transaction that writes the asset's text.
// Matching is a lookup of each whole word (and short runs of words) in the products' SKU
// index, case-insensitive: thousands of products cost nothing more, and no SKU is ever
// used as a pattern. OCR's O/0 and I/1 mix-ups are forgiven only in a word that mixes
// letters and digits, only when the word itself is no SKU, and only when exactly one
// product answers: "ACME-1O42-BLK" suggests ACME-1042-BLK, but never when ACME-1O42-BLK
// exists too, or when two products could be meant.
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { LinkSuggestionRepo } from '../repositories/link-suggestion-repo';
import { confusedForms, plausibleSku, skuCandidates } from './sku-candidates';

/** Index lookups per asset at most (a normal image needs a few hundred). */
const MAX_LOOKUPS = 20_000;

/** Products whose SKU the text shows, with the words that matched. */
export function skusIn(repo: LinkSuggestionRepo, text: string): Map<number, string> {
  const found = new Map<number, string>();
  let lookups = 0;
  const look = (sku: string) => {
    lookups++;
    const hit = repo.bySku(sku);
    return hit && plausibleSku(hit.sku) ? hit : undefined;
  };
  for (const candidate of skuCandidates(text)) {
    if (lookups >= MAX_LOOKUPS) break;
    const exact = look(candidate);
    if (exact) {
      if (!found.has(exact.id)) found.set(exact.id, candidate);
      continue;
    }
    const forms = confusedForms(candidate);
    if (lookups + forms.length > MAX_LOOKUPS) continue;
    const answers = new Map<number, string>();
    for (const form of forms) {
      const hit = look(form);
      if (hit) answers.set(hit.id, candidate);
    }
    const [only] = answers;
    if (answers.size === 1 && only && !found.has(only[0])) found.set(only[0], only[1]);
  }
  return found;
}

/**
 * Writes pending suggestions for the products whose SKU `text` shows, except those the
 * asset is linked to and those already suggested or decided (a rejection is final); drops
 * pending ones the text no longer shows. Returns how many new suggestions it wrote.
 */
export function suggestLinks(db: Db, assetId: number, text: string): number {
  const repo = new LinkSuggestionRepo(db);
  return writeTransaction(db, () => {
    const found = skusIn(repo, text);
    const linked = repo.linkedProducts(assetId);
    const states = repo.states(assetId);
    for (const [productId, state] of states)
      if (state === 'pending' && (!found.has(productId) || linked.has(productId)))
        repo.dropPending(assetId, productId);
    let written = 0;
    for (const [productId, matched] of found)
      if (
        !linked.has(productId) &&
        !states.has(productId) &&
        repo.suggest(assetId, productId, matched)
      )
        written++;
    return written;
  });
}

/** Images looked at per new SKU at most: the SKU a few thousand images show is no SKU. */
const MAX_IMAGES_PER_SKU = 5000;

/**
 * For products made or renamed after their images were read (a CSV imported after the
 * shoot): the images whose text shows one of these SKUs are matched again, as the AI job
 * matches them. Found through the text's full-text index, so an O/0 or I/1 mix-up is
 * found only when the image is read again. Returns how many suggestions it wrote.
 */
export function suggestForSkus(db: Db, skus: readonly string[]): number {
  const repo = new LinkSuggestionRepo(db);
  return writeTransaction(db, () => {
    const assets = new Set<number>();
    for (const sku of skus)
      if (plausibleSku(sku) && /[\p{L}\p{N}]/u.test(sku))
        for (const id of repo.assetsShowing(sku, MAX_IMAGES_PER_SKU)) assets.add(id);
    let written = 0;
    for (const id of assets) {
      const text = repo.textOf(id);
      if (text) written += suggestLinks(db, id, text);
    }
    return written;
  });
}

/** suggestForSkus for the products created at or after `ms` (an import's new products). */
export function suggestForNewProducts(db: Db, ms: number): number {
  return suggestForSkus(db, new LinkSuggestionRepo(db).skusCreatedSince(ms));
}
