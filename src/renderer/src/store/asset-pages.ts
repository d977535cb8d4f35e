// Page arithmetic for the sparse asset cache: list index ↔ page number ↔ slot.
import type { Asset } from '../../../shared/dto';

export const PAGE_SIZE = 500;

export type Pages = ReadonlyMap<number, readonly Asset[]>;

export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE);
}

/** The asset at a list index, if its page is loaded. */
export function assetAt(pages: Pages, index: number): Asset | undefined {
  return pages.get(pageOf(index))?.[index % PAGE_SIZE];
}

/** Where asset `id` sits: tries the remembered index first, then searches the loaded pages. */
export function locateAsset(
  pages: Pages,
  id: number,
  hint: number | null,
): { index: number; asset: Asset } | undefined {
  if (hint !== null) {
    const asset = assetAt(pages, hint);
    if (asset?.id === id) return { index: hint, asset };
  }
  for (const [page, items] of pages) {
    const slot = items.findIndex((a) => a.id === id);
    const asset = items[slot];
    if (asset !== undefined) return { index: page * PAGE_SIZE + slot, asset };
  }
  return undefined;
}
