import type { Db } from '../db/open-database';
import type { EditLog } from '../edit/edit-log';
import { kindName } from '../edit/undo-kind';
import type { AuditLog } from '../repositories/audit-log-repo';
import { LinkRepo, mergeLinks, replaceLinks, type LinkRow } from '../repositories/link-repo';
import type { ProductRecord, ProductRepo } from '../repositories/product-repo';

/** A product's media links before and after (links made meanwhile by others are kept). */
export interface ProductLinks {
  productId: number;
  before: LinkRow[];
  after: LinkRow[];
}

/**
 * A deleted product: its row (id, attributes, parent), its links in order, and its
 * variants, whose parent pointer the delete cleared (ON DELETE SET NULL).
 */
export interface ProductDelete {
  product: ProductRecord;
  links: LinkRow[];
  variants: number[];
}

export const PRODUCT_LINKS = kindName<ProductLinks>('products.links');
export const PRODUCT_DELETE = kindName<ProductDelete>('products.delete');

// Asset lists refetch too: the log's caller says so whenever a step changed something.
const signals = ['products.changed'] as const;

/** Registers the products domain's undo kinds. */
export function registerProductUndo(
  log: EditLog,
  db: Db,
  products: ProductRepo,
  audit?: AuditLog,
): void {
  const links = new LinkRepo(db);
  // Undo and redo change links too: the audit log keeps what they really left (others'
  // links made meanwhile stay).
  const merged = (action: string, productId: number, to: LinkRow[], from: LinkRow[]) => {
    const before = audit ? links.rows(productId) : [];
    const changed = mergeLinks(db, productId, to, from);
    if (changed > 0)
      audit?.record({
        action,
        subject: { kind: 'product', id: productId },
        before: before.map(linkSlot),
        after: links.rows(productId).map(linkSlot),
      });
    return { changed, signals };
  };
  log.register({
    name: PRODUCT_LINKS,
    undo: (op) => merged('links.undo', op.productId, op.before, op.after),
    redo: (op) => merged('links.redo', op.productId, op.after, op.before),
  });
  log.register({
    name: PRODUCT_DELETE,
    undo: (op) => {
      products.restore(op.product);
      // Assets deleted since are skipped; the rest go back to their roles and positions.
      replaceLinks(db, op.product.id, op.links);
      products.adopt(op.product.id, op.variants);
      audit?.record({
        action: 'product.undelete',
        subject: { kind: 'product', id: op.product.id },
        after: { sku: op.product.sku, links: links.rows(op.product.id).map(linkSlot) },
      });
      return { changed: 1, signals };
    },
    redo: (op) => {
      const removed = products.delete(op.product.id);
      if (removed)
        audit?.record({
          action: 'product.delete',
          subject: { kind: 'product', id: op.product.id },
          before: { sku: op.product.sku, links: op.links.map(linkSlot) },
        });
      return { changed: removed ? 1 : 0, signals };
    },
  });
}

/** A link as the audit log keeps it (when it was linked is noise there). */
export function linkSlot(r: LinkRow): { assetId: number; role: LinkRow['role']; position: number } {
  return { assetId: r.assetId, role: r.role, position: r.position };
}
