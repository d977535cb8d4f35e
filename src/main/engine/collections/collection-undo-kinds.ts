import type { EditLog } from '../edit/edit-log';
import { kindName } from '../edit/undo-kind';
import type { CollectionRepo, CollectionRow } from '../repositories/collection-repo';

/** A manual collection's members, in order, before and after. */
export interface CollectionItems {
  collectionId: number;
  before: number[];
  after: number[];
}

/** A deleted collection: its row (id included) and its members in order. */
export interface CollectionDelete {
  row: CollectionRow;
  items: number[];
}

export const COLLECTION_ITEMS = kindName<CollectionItems>('collections.items');
export const COLLECTION_DELETE = kindName<CollectionDelete>('collections.delete');

const signals = ['collections.changed'] as const;

/** Registers the collections domain's undo kinds, over its repository. */
export function registerCollectionUndo(log: EditLog, collections: CollectionRepo): void {
  const items = (id: number, ids: number[]) => {
    collections.setItems(id, ids);
    return { changed: 1, signals };
  };
  log.register({
    name: COLLECTION_ITEMS,
    undo: (op) => items(op.collectionId, op.before),
    redo: (op) => items(op.collectionId, op.after),
  });
  log.register({
    name: COLLECTION_DELETE,
    undo: (op) => {
      collections.restore(op.row);
      // Members deleted since are left out; the rest keep their order.
      collections.setItems(op.row.id, op.items);
      return { changed: 1, signals };
    },
    redo: (op) => ({ changed: collections.delete(op.row.id) ? 1 : 0, signals }),
  });
}
