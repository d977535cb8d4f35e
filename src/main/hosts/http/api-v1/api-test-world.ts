// A real engine over real product shots, products linked and licensed, behind a real bridge:
// what the /api/v1/ tests and the shop-page example's test run against.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { productShot } from '../../../test-support/product-shots';
import { tempDir } from '../../../test-support/sample-images';
import { makeClip } from '../../../test-support/sample-videos';
import { startBridge, type Bridge } from '../bridge-server';

export interface ApiWorld {
  h: Harness;
  bridge: Bridge;
  base: string;
  /** Asset ids by file name. */
  id: Record<string, number>;
  productId: number;
  collectionId: number;
  dispose(): Promise<void>;
}

/** The parent's SKU; the variant's has a slash and a space, to test URL encoding. */
export const SKU = 'SHOE-1';
export const VARIANT_SKU = 'SHOE-1/RED 42';

export async function startApiWorld(): Promise<ApiWorld> {
  const photos = await tempDir('api-photos');
  const ui = await tempDir('api-ui');
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Packshot</title>');
  await mkdir(join(ui, 'assets'));
  const shots = [
    ['main.jpg', await productShot('white', 1, { width: 1000, height: 800 })],
    ['side.jpg', await productShot('grey', 2, { width: 900, height: 700 })],
    ['cutout.png', await productShot('transparent', 3, { width: 600, height: 600 })],
  ] as const;
  for (const [name, shot] of shots) await writeFile(join(photos, name), shot.data);
  await makeClip(join(photos, 'clip.mp4'), { seconds: 1 });
  const h = await startHarness();
  await h.call('catalogs.add', { path: photos });
  await h.call('jobs.wait', {});
  const id: Record<string, number> = {};
  for (const a of await h.all()) id[a.name] = a.id;

  const product = await h.call('products.create', {
    sku: SKU,
    name: 'Trail runner',
    attributes: { color: 'red' },
    channels: ['shopify', 'amazon'],
  });
  await h.call('products.create', {
    sku: VARIANT_SKU,
    name: 'Trail runner, red, 42',
    parentSku: SKU,
    channels: ['shopify'],
  });
  await h.call('links.add', { productId: product.id, assetIds: [id['main.jpg']!], role: 'main' });
  await h.call('links.add', {
    productId: product.id,
    assetIds: [id['side.jpg']!, id['cutout.png']!],
    role: 'gallery',
  });
  await h.call('links.add', { productId: product.id, assetIds: [id['clip.mp4']!], role: 'video' });
  // side.jpg may go to shopify only: amazon is blocked, with the licence's reason.
  await h.call('licences.assign', {
    licence: {
      name: 'Studio shoot',
      type: 'rights-managed',
      creditLine: 'Photo: Studio North',
      creditRequired: true,
      endsOn: '2099-12-31',
      channels: ['shopify'],
    },
    assetIds: [id['side.jpg']!],
  });
  const collection = await h.call('collections.save', { name: 'Picks' });
  await h.call('collections.add', {
    id: collection.id,
    assetIds: [id['cutout.png']!, id['main.jpg']!],
  });
  const bridge = await startBridge({ engine: h.engine, rendererDir: ui, port: 0 });
  return {
    h,
    bridge,
    base: `http://127.0.0.1:${bridge.port}`,
    id,
    productId: product.id,
    collectionId: collection.id,
    dispose: async () => {
      await bridge.close();
      await h.dispose();
      for (const dir of [photos, ui]) await rm(dir, { recursive: true, force: true });
    },
  };
}
