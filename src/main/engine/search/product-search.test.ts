// The search language's product terms (sku:, product:, no:product) against a real index.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let folder: string;

beforeAll(async () => {
  folder = await tempDir('product-search');
  for (const [i, name] of ['red.jpg', 'blue.jpg', 'loose.jpg', 'odd.jpg'].entries())
    await writeFile(join(folder, name), await makeImage(100, 100, 'jpeg', i + 1));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  const red = await h.call('products.create', { sku: 'SNK-100-RED', name: 'Runner sneaker' });
  const blue = await h.call('products.create', { sku: 'SNK-100-BLU', name: 'Runner sneaker blue' });
  const odd = await h.call('products.create', { sku: 'A_1%', name: 'Odd sku' });
  await h.call('links.add', { productId: red.id, assetIds: [(await h.byName('red.jpg')).id] });
  await h.call('links.add', { productId: blue.id, assetIds: [(await h.byName('blue.jpg')).id] });
  await h.call('links.add', { productId: odd.id, assetIds: [(await h.byName('odd.jpg')).id] });
});

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function find(query: string): Promise<string[]> {
  const page = await h.call('assets.list', { query, limit: 100 });
  return page.items.map((a) => a.name).sort();
}

describe('searching by product', () => {
  it('sku: matches a SKU prefix, case-insensitively', async () => {
    expect(await find('sku:SNK-100-RED')).toEqual(['red.jpg']);
    expect(await find('sku:snk-100')).toEqual(['blue.jpg', 'red.jpg']);
    expect(await find('sku:100')).toEqual([]);
  });

  it('product: matches words in the name or SKU', async () => {
    expect(await find('product:blue')).toEqual(['blue.jpg']);
    expect(await find('product:runner')).toEqual(['blue.jpg', 'red.jpg']);
    expect(await find('product:100-RED')).toEqual(['red.jpg']);
  });

  it('treats % and _ in a value literally', async () => {
    expect(await find('sku:A_1%')).toEqual(['odd.jpg']);
    expect(await find('sku:A%')).toEqual([]);
    expect(await find('product:_')).toEqual(['odd.jpg']);
  });

  it('no:product finds files linked to nothing, and combines with the rest of the language', async () => {
    expect(await find('no:product')).toEqual(['loose.jpg']);
    expect(await find('-no:product -sku:SNK')).toEqual(['odd.jpg']);
    expect(await find('product:runner OR no:product')).toEqual([
      'blue.jpg',
      'loose.jpg',
      'red.jpg',
    ]);
    await expect(find('no:tags')).rejects.toThrow(/no: knows 'product'/);
  });
});
