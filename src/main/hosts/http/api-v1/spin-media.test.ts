// A spin linked to a product: its media item lists every frame as a signed render URL in
// turning order, leaves out the frames the channel's rights block, and each URL renders.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../../../shared/api-v1/generated/openapi-types';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { tempDir } from '../../../test-support/sample-images';
import { writeSpinFrames } from '../../../test-support/spin-frames';
import { startBridge, type Bridge } from '../bridge-server';

type MediaItem = components['schemas']['MediaItem'];

let h: Harness;
let bridge: Bridge;
let photos: string;
let ui: string;
const id: Record<string, number> = {};

beforeAll(async () => {
  photos = await tempDir('api-spin');
  ui = await tempDir('api-spin-ui');
  await writeFile(join(ui, 'index.html'), '<!doctype html>');
  await writeSpinFrames(photos, 4, (i) => `mug_${i}.jpg`);
  h = await startHarness();
  await h.call('catalogs.add', { path: photos });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) id[a.name] = a.id;
  const frames = [1, 2, 3, 4].map((i) => id[`mug_${i}.jpg`]!);
  const { spin } = await h.call('spins.create', { assetIds: frames, name: 'Mug' });
  const product = await h.call('products.create', { sku: 'MUG-1', name: 'Mug' });
  await h.call('links.add', {
    productId: product.id,
    assetIds: [spin!.coverAssetId],
    role: 'spin',
  });
  // Frame 3 may go to shopify only.
  await h.call('licences.assign', {
    licence: { name: 'Frame 3', type: 'rights-managed', channels: ['shopify'] },
    assetIds: [id['mug_3.jpg']!],
  });
  bridge = await startBridge({ engine: h.engine, rendererDir: ui, port: 0 });
});

afterAll(async () => {
  await bridge.close();
  await h.dispose();
  for (const dir of [photos, ui]) await rm(dir, { recursive: true, force: true });
});

async function spinItem(channel: string): Promise<MediaItem> {
  const res = await fetch(
    `http://127.0.0.1:${bridge.port}/api/v1/products/MUG-1/media?channel=${channel}`,
    { headers: { authorization: `Bearer ${bridge.token}` } },
  );
  expect(res.status).toBe(200);
  const media = (await res.json()) as { items: MediaItem[] };
  const item = media.items.find((m) => m.role === 'spin');
  if (!item) throw new Error('no spin item');
  return item;
}

const assetOf = (url: string): number => Number(/\/render\/(\d+)\//.exec(url)?.[1]);

describe("a spin's media item", () => {
  it('lists its frames in order, signed, and each renders with no header', async () => {
    const item = await spinItem('shopify');
    expect(item.kind).toBe('spin');
    expect(item.frames?.map(assetOf)).toEqual([1, 2, 3, 4].map((i) => id[`mug_${i}.jpg`]));
    for (const url of item.frames ?? []) {
      expect(url).toMatch(/&sig=/);
      const res = await fetch(`http://127.0.0.1:${bridge.port}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\//);
    }
  });

  it("leaves out the frames the channel's rights block", async () => {
    const item = await spinItem('amazon');
    expect(item.frames?.map(assetOf)).toEqual([1, 2, 4].map((i) => id[`mug_${i}.jpg`]));
  });
});
