// The shop-page example against a real bridge over a real engine and real product shots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKU, startApiWorld, type ApiWorld } from '../../src/main/hosts/http/api-v1/api-test-world';
import { fetchProductMedia } from './fetch-product-media';

let w: ApiWorld;

beforeAll(async () => {
  w = await startApiWorld();
});

afterAll(async () => {
  await w.dispose();
});

describe('the shop-page example', () => {
  it("gets the main image's src, srcset and alt, and the gallery, as absolute URLs", async () => {
    const page = await fetchProductMedia(SKU, { baseUrl: w.base, key: w.bridge.token });
    expect(page.main).toMatchObject({ alt: 'Trail runner, main image', width: 1000, height: 800 });
    expect(page.main?.src).toMatch(new RegExp(`^${w.base}/api/v1/render/${w.id['main.jpg']}/`));
    expect(
      page.main?.srcset.split(', ').every((s) => s.startsWith(`${w.base}/api/v1/render/`)),
    ).toBe(true);
    expect(page.gallery.map((g) => g.credit)).toEqual(['Photo: Studio North', null]);
    expect(page.withheld).toEqual([]);
  });

  it('leaves out what the channel may not show', async () => {
    const page = await fetchProductMedia(SKU, {
      baseUrl: w.base,
      key: w.bridge.token,
      channel: 'amazon',
    });
    expect(page.gallery).toHaveLength(1);
    expect(page.withheld.map((h) => h.assetId)).toEqual([w.id['side.jpg']]);
  });

  it('says why when the key is wrong', async () => {
    await expect(fetchProductMedia(SKU, { baseUrl: w.base, key: 'wrong' })).rejects.toThrow(
      /^401 unauthorized/,
    );
  });
});
