// A product by its exact SKU, and products by channel, as front ends ask for them (the API's
// /products/{sku} and /products?channel=): one indexed query each, not a scan of the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.call('products.create', { sku: 'TEE-1', name: 'Tee', channels: ['shopify'] });
  await h.call('products.create', { sku: 'TEE-10', name: 'Tee long', channels: ['amazon'] });
  await h.call('products.create', {
    sku: 'Tee-1/RED 42',
    name: 'Tee red',
    channels: ['shopify', 'amazon'],
  });
  await h.call('products.create', { sku: 'MUG-1', name: 'Mug' });
});

afterAll(async () => {
  await h.dispose();
});

describe('products by SKU and channel', () => {
  it('finds a product by its exact SKU, not one it prefixes or differs from in case', async () => {
    expect((await h.call('products.get', { sku: 'TEE-1' })).name).toBe('Tee');
    expect((await h.call('products.get', { sku: 'Tee-1/RED 42' })).name).toBe('Tee red');
    await expect(h.call('products.get', { sku: 'TEE-' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(h.call('products.get', {})).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('lists the products whose channels name one, with words too', async () => {
    const skus = async (args: { channel: string; query?: string }): Promise<string[]> =>
      (await h.call('products.list', args)).items.map((p) => p.sku);
    expect(await skus({ channel: 'shopify' })).toEqual(['TEE-1', 'Tee-1/RED 42']);
    expect(await skus({ channel: 'amazon', query: 'red' })).toEqual(['Tee-1/RED 42']);
    expect((await h.call('products.list', { channel: 'ebay' })).total).toBe(0);
  });
});
