// Deleting a product is one undo step: undo brings back the row with its id, its links in
// their roles and order, its own parent and its variants' parent pointers; redo deletes again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type Harness } from '../../test-support/engine-harness';

let h: Harness;
let id: Record<string, number>;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ h, id, dispose } = await startWithPhotos(
    'product-delete',
    ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'],
    40,
  ));
}, 60_000);

afterAll(() => dispose());

const ids = (...names: string[]) => names.map((n) => id[n] ?? 0);

/** Everything a delete removes, as one comparable value. */
async function snapshot(productId: number) {
  const p = await h.call('products.get', { id: productId });
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    parentSku: p.parentSku,
    attributes: p.attributes,
    channels: p.channels,
    productType: p.productType,
    variants: p.variants.map((v) => v.sku),
    links: p.links.map((l) => `${l.role}:${l.position}:${l.name}`),
  };
}

describe('deleting a product', () => {
  it('undoes to the same id, links in order, attributes, parent and variants; redo deletes again', async () => {
    const line = await h.call('products.create', { sku: 'LINE', name: 'Line' });
    const model = await h.call('products.create', {
      sku: 'SNK',
      name: 'Sneaker',
      parentSku: 'LINE',
      attributes: { color: 'red', size: '42' },
      channels: ['amazon'],
      productType: 'shoe',
    });
    await h.call('products.create', { sku: 'SNK-RED', name: 'Red', parentSku: 'SNK' });
    await h.call('products.create', { sku: 'SNK-BLU', name: 'Blue', parentSku: 'SNK' });
    await h.call('links.add', { productId: model.id, assetIds: ids('c.jpg'), role: 'main' });
    await h.call('links.add', {
      productId: model.id,
      assetIds: ids('b.jpg', 'd.jpg', 'a.jpg'),
      role: 'gallery',
    });
    const before = await snapshot(model.id);
    expect(before).toMatchObject({
      parentSku: 'LINE',
      variants: ['SNK-BLU', 'SNK-RED'],
      links: ['main:0:c.jpg', 'gallery:0:b.jpg', 'gallery:1:d.jpg', 'gallery:2:a.jpg'],
    });

    expect(await h.call('products.delete', { id: model.id })).toEqual({ removed: true });
    expect(await h.call('edits.state', {})).toMatchObject({
      canUndo: true,
      undoLabel: 'Delete product SNK',
    });
    expect((await h.call('products.list', { query: 'SNK-RED' })).items[0]?.parentId).toBeNull();
    expect(await h.all('unlinked')).toHaveLength(4);

    const undone = await h.call('edits.undo', {});
    expect(undone).toMatchObject({ step: 'Delete product SNK', canRedo: true });
    expect(await snapshot(model.id)).toEqual(before);
    expect((await h.call('products.get', { id: line.id })).variants.map((v) => v.sku)).toEqual([
      'SNK',
    ]);
    expect(await h.all('unlinked')).toHaveLength(0);

    await h.call('edits.redo', {});
    await expect(h.call('products.get', { id: model.id })).rejects.toThrow(/No product/);
    expect((await h.call('products.list', { query: 'SNK-BLU' })).items[0]?.parentId).toBeNull();
  });

  it('refuses to undo when the SKU was taken again, and changes nothing', async () => {
    const p = await h.call('products.create', { sku: 'BAG', name: 'Bag' });
    await h.call('links.add', { productId: p.id, assetIds: ids('a.jpg'), role: 'main' });
    await h.call('products.delete', { id: p.id });
    const again = await h.call('products.create', { sku: 'BAG', name: 'New bag' });
    await expect(h.call('edits.undo', {})).rejects.toMatchObject({ code: 'conflict' });
    expect((await h.call('products.get', { id: again.id })).name).toBe('New bag');
    expect(await h.call('edits.state', {})).toMatchObject({ undoLabel: 'Delete product BAG' });
  });

  it('records nothing for a product that is not there', async () => {
    const state = await h.call('edits.state', {});
    expect(await h.call('products.delete', { id: 999_999 })).toEqual({ removed: false });
    expect(await h.call('edits.state', {})).toEqual(state);
  });
});
