// What a drop on a product does: asset ids are linked into the slot (the main slot makes the
// first one main), a link from the same board moves, files from the OS are offered for
// copying into a catalog. One function for the list row and every slot of the board.
import type { MediaRole } from '../../../shared/product-dto';
import type { DropPayload } from './asset-drag';
import { movePosition } from './drop-position';

export interface DropTarget {
  productId: number;
  role: MediaRole;
  /** Insertion index in the slot; undefined: at its end. */
  insertAt?: number;
  /** Links the slot holds now (where its end is). */
  slotSize?: number;
  /** Where an asset already sits on this product's board (to move it), if it does. */
  placeOf?: (assetId: number) => { role: MediaRole; position: number } | null;
}

export interface DropActions {
  addLinks(
    productId: number,
    assetIds: number[],
    role: MediaRole,
    position?: number,
  ): Promise<void>;
  moveLink(productId: number, assetId: number, role: MediaRole, position: number): Promise<void>;
  setMain(productId: number, assetId: number): Promise<void>;
  /** OS files: ask where to copy them, then link them (desktop only). */
  offerFiles(productId: number, role: MediaRole, files: File[]): void;
}

export async function applyDrop(
  payload: DropPayload,
  target: DropTarget,
  actions: DropActions,
): Promise<void> {
  const { productId, role, insertAt } = target;
  switch (payload.kind) {
    case 'none':
      return;
    case 'files':
      actions.offerFiles(productId, role, payload.files);
      return;
    case 'link': {
      const { link } = payload;
      const place = link.productId === productId ? (target.placeOf?.(link.assetId) ?? null) : null;
      if (place === null) return linkAssets([link.assetId]);
      if (role === 'main') return actions.setMain(productId, link.assetId);
      const from = place.role === role ? place.position : null;
      const position = movePosition(from, insertAt ?? target.slotSize ?? 0);
      // Dropped where it already is: nothing to do (and no empty undo step).
      if (position === from) return;
      return actions.moveLink(productId, link.assetId, role, position);
    }
    case 'assets':
      return linkAssets(payload.ids);
  }

  async function linkAssets(ids: number[]): Promise<void> {
    const [first, ...rest] = ids;
    if (first === undefined) return;
    if (role !== 'main') return actions.addLinks(productId, ids, role, insertAt);
    // One main image; the others dropped with it join the gallery.
    await actions.setMain(productId, first);
    if (rest.length > 0) await actions.addLinks(productId, rest, 'gallery');
  }
}
