// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { deferred, FakeTransport, settle } from '../test-support/fake-transport';
import { makeProduct, serveProducts } from '../test-support/fake-products';
import type { ProductPage } from '../../../shared/product-dto';
import { connectStores } from './connect-stores';
import { createStores } from './create-stores';

function setup(
  products = [
    makeProduct(1, { sku: 'SHOE-1', name: 'Red sneaker' }),
    makeProduct(2, { sku: 'BAG-2', name: 'Tote', attributes: { color: 'red' } }),
  ],
) {
  const transport = new FakeTransport()
    .handle('catalogs.list', () => [])
    .handle('folders.list', () => [])
    .handle('jobs.status', () => ({
      running: false,
      done: 0,
      total: 0,
      errors: 0,
      rate: 0,
      etaSeconds: null,
    }));
  serveProducts(transport, products);
  const client = new Client(transport);
  const stores = createStores(client, {
    storage: null,
    productQueryDelayMs: 0,
    refetchDelayMs: 0,
    folderRefreshDelayMs: 0,
  });
  const disconnect = connectStores(client, stores);
  return { transport, stores, products: stores.products, disconnect };
}

describe('products store', () => {
  it('lists products, and searches them after a pause in typing', async () => {
    const { products, transport } = setup();
    await products.getState().refresh();
    expect(products.getState().items.map((p) => p.sku)).toEqual(['SHOE-1', 'BAG-2']);
    expect(products.getState().total).toBe(2);
    products.getState().setQuery('re');
    products.getState().setQuery('red tot');
    await settle();
    expect(transport.callsOf('products.list').at(-1)).toEqual({ query: 'red tot', limit: 1000 });
    expect(products.getState().items.map((p) => p.sku)).toEqual(['BAG-2']);
  });

  it('drops an answer to an older search that lands after a newer one', async () => {
    const { products, transport } = setup();
    const slow = deferred<ProductPage>();
    let first = true;
    transport.handle('products.list', ({ query }) => {
      if (first) {
        first = false;
        return slow.promise;
      }
      return { total: 1, offset: 0, items: [makeProduct(9, { sku: query ?? '' })] };
    });
    products.getState().setQuery('old');
    await settle();
    products.getState().setQuery('new');
    await settle();
    slow.resolve({ total: 1, offset: 0, items: [makeProduct(8, { sku: 'old' })] });
    await settle();
    expect(products.getState().items.map((p) => p.sku)).toEqual(['new']);
  });

  it('loads the selected product with its links, and forgets it once deleted', async () => {
    const { products, transport } = setup();
    products.getState().select(1);
    await settle();
    expect(products.getState().detail).toMatchObject({ id: 1, sku: 'SHOE-1', links: [] });
    transport.handle('products.delete', () => ({ removed: true }));
    transport.handle('products.get', ({ id }) => {
      throw new PackshotError('not_found', `No product ${id}`);
    });
    await products.getState().remove(1);
    expect(products.getState().selectedId).toBeNull();
    expect(products.getState().detail).toBeNull();
  });

  it('keeps the undo state of each edit and shows its result', async () => {
    const { products, transport } = setup();
    products.getState().select(1);
    await settle();
    expect(products.getState().canUndo).toBe(false);
    await products.getState().addLinks(1, [5, 6], 'gallery');
    expect(transport.callsOf('links.add')).toEqual([
      { productId: 1, assetIds: [5, 6], role: 'gallery' },
    ]);
    expect(products.getState().canUndo).toBe(true);
    expect(products.getState().detail?.links.map((l) => l.assetId)).toEqual([5, 6]);
    await products.getState().undo();
    expect(products.getState().detail?.links).toEqual([]);
    expect(products.getState().canUndo).toBe(false);
    expect(products.getState().canRedo).toBe(true);
  });

  it("refreshes on 'products.changed' once products have been shown", async () => {
    const { products, transport } = setup();
    transport.emit('products.changed', {});
    await settle();
    // Never shown: nothing asked.
    expect(transport.callsOf('products.list')).toHaveLength(0);
    await products.getState().refresh();
    transport.emit('products.changed', {});
    await settle();
    expect(transport.callsOf('products.list')).toHaveLength(2);
  });

  it("refetches the grid's 'not linked' view when links change", async () => {
    const { stores, transport } = setup();
    transport.handle('assets.list', () => ({ total: 0, offset: 0, items: [] }));
    stores.assets.getState().setView({ filter: 'unlinked' });
    stores.assets.getState().ensureRange(0, 10);
    await settle();
    const before = transport.callsOf('assets.list').length;
    transport.emit('products.changed', {});
    await settle();
    expect(transport.callsOf('assets.list').length).toBe(before + 1);
  });

  it('reports a failed edit and keeps going', async () => {
    const { products, transport, stores } = setup();
    transport.handle('links.move', () => {
      throw new PackshotError('invalid_argument', 'Asset 3 is not linked to SHOE-1');
    });
    await products.getState().moveLink(1, 3, 'detail', 0);
    expect(stores.notices.getState().notices.map((n) => n.message)).toEqual([
      'Asset 3 is not linked to SHOE-1',
    ]);
  });

  it('copies pending OS files into the chosen catalog folder and says which failed', async () => {
    const { products, transport, stores } = setup();
    transport.handle('links.dropFiles', () => ({
      changed: 1,
      step: 'drop',
      canUndo: true,
      canRedo: false,
      copied: 1,
      errors: [{ path: '/tmp/b.txt', reason: 'not a media file' }],
    }));
    products
      .getState()
      .offerFiles({ productId: 2, role: 'document', paths: ['/tmp/a.pdf', '/tmp/b.txt'] });
    await products.getState().dropFiles(3, 'manuals');
    expect(transport.callsOf('links.dropFiles')).toEqual([
      {
        productId: 2,
        role: 'document',
        paths: ['/tmp/a.pdf', '/tmp/b.txt'],
        catalogId: 3,
        folder: 'manuals',
      },
    ]);
    expect(products.getState().pendingFiles).toBeNull();
    expect(stores.notices.getState().notices[0]).toMatchObject({
      title: 'Could not add /tmp/b.txt',
      message: 'not a media file',
    });
  });
});
