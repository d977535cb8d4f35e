// Products for renderer tests: DTO builders, and a small in-memory stand-in for the product
// handlers (list, get, link edits, undo) so board and list tests see their edits come back
// the way the engine sends them: as a fresh products.get after 'products.changed'.
import type { EditResult } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import {
  MEDIA_ROLES,
  type MediaRole,
  type Product,
  type ProductDetail,
  type ProductLink,
} from '../../../shared/product-dto';
import type { FakeTransport } from './fake-transport';

export function makeProduct(id: number, overrides: Partial<Product> = {}): Product {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Product ${id}`,
    parentId: null,
    parentSku: null,
    attributes: {},
    channels: [],
    productType: null,
    variantCount: 0,
    linkCount: 0,
    mainAssetId: null,
    mainHash: null,
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeLink(
  productId: number,
  assetId: number,
  role: MediaRole,
  position: number,
  overrides: Partial<ProductLink> = {},
): ProductLink {
  return {
    productId,
    assetId,
    role,
    position,
    name: `asset-${assetId}.jpg`,
    state: 'ok',
    hash: `hash-${assetId}`,
    thumb: 'ready',
    placeholder: null,
    width: 1200,
    height: 800,
    ...overrides,
  };
}

export function makeProductDetail(
  product: Product,
  links: ProductLink[] = [],
  variants: Product[] = [],
): ProductDetail {
  return { ...product, links, variants };
}

interface Placed {
  assetId: number;
  role: MediaRole;
}

/**
 * Serves products.list / products.get / links.* / edits.undo|redo over `products`, keeping
 * each product's links as ordered lists per role. Emits 'products.changed' after each edit.
 */
export function serveProducts(transport: FakeTransport, products: Product[]): void {
  const boards = new Map<number, Placed[]>(products.map((p) => [p.id, []]));
  const undo: Array<Map<number, Placed[]>> = [];
  const redo: Array<Map<number, Placed[]>> = [];

  const snapshot = () => new Map([...boards].map(([id, links]) => [id, [...links]]));
  const boardOf = (id: number): Placed[] => {
    const board = boards.get(id);
    if (board === undefined) throw new PackshotError('not_found', `No product ${id}`);
    return board;
  };
  const inRole = (board: Placed[], role: MediaRole) => board.filter((l) => l.role === role);
  /** Rebuilds a board with `role`'s list replaced (roles keep board order). */
  const withRole = (board: Placed[], role: MediaRole, list: Placed[]): Placed[] =>
    MEDIA_ROLES.flatMap((r) => (r === role ? list : inRole(board, r)));
  const edit = (change: () => void): EditResult => {
    undo.push(snapshot());
    redo.length = 0;
    change();
    queueMicrotask(() => transport.emit('products.changed', {}));
    return { changed: 1, step: 'edit', canUndo: true, canRedo: false };
  };
  const travel = (from: typeof undo, to: typeof undo): EditResult => {
    const state = from.pop();
    if (state === undefined) return { changed: 0, step: null, canUndo: false, canRedo: false };
    to.push(snapshot());
    for (const [id, links] of state) boards.set(id, links);
    queueMicrotask(() => transport.emit('products.changed', {}));
    return { changed: 1, step: 'edit', canUndo: undo.length > 0, canRedo: redo.length > 0 };
  };
  const place = (id: number, assetId: number, role: MediaRole, position?: number): void => {
    const board = boardOf(id).filter((l) => l.assetId !== assetId);
    const list = inRole(board, role);
    list.splice(position ?? list.length, 0, { assetId, role });
    boards.set(id, withRole(board, role, list));
  };
  const detail = (product: Product): ProductDetail => {
    const board = boardOf(product.id);
    const links = MEDIA_ROLES.flatMap((role) =>
      inRole(board, role).map((l, position) => makeLink(product.id, l.assetId, role, position)),
    );
    const main = links.find((l) => l.role === 'main');
    return makeProductDetail(
      {
        ...product,
        linkCount: links.length,
        mainAssetId: main?.assetId ?? null,
        mainHash: main?.hash ?? null,
      },
      links,
    );
  };
  const find = (id: number): Product => {
    const product = products.find((p) => p.id === id);
    if (product === undefined) throw new PackshotError('not_found', `No product ${id}`);
    return product;
  };

  transport
    .handle('products.list', ({ query }) => {
      const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const items = products
        .filter((p) => {
          const text = [p.sku, p.name, ...Object.values(p.attributes)].join(' ').toLowerCase();
          return words.every((w) => text.includes(w));
        })
        .map((p) => ({ ...p, linkCount: boardOf(p.id).length }));
      return { total: items.length, offset: 0, items };
    })
    .handle('products.get', ({ id, sku }) =>
      detail(find(id ?? products.find((p) => p.sku === sku)?.id ?? -1)),
    )
    .handle('links.add', ({ productId, assetIds, role = 'gallery', position }) =>
      edit(() =>
        assetIds.forEach((assetId, i) =>
          place(productId, assetId, role, position === undefined ? undefined : position + i),
        ),
      ),
    )
    .handle('links.move', ({ productId, assetId, role, position }) =>
      edit(() => place(productId, assetId, role, position)),
    )
    .handle('links.setMain', ({ productId, assetId }) =>
      edit(() => {
        const old = inRole(boardOf(productId), 'main')[0];
        if (old !== undefined && old.assetId !== assetId) place(productId, old.assetId, 'gallery');
        place(productId, assetId, 'main', 0);
      }),
    )
    .handle('links.remove', ({ productId, assetIds }) =>
      edit(() =>
        boards.set(
          productId,
          boardOf(productId).filter((l) => !assetIds.includes(l.assetId)),
        ),
      ),
    )
    .handle('edits.undo', () => travel(undo, redo))
    .handle('edits.redo', () => travel(redo, undo));
}
