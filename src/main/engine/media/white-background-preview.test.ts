// previews.whiteBackground on a real engine: the loupe preview of a studio shot cleaned with
// real sharp, cached under the media kind `whitebg` and served as media; a photo without a
// near-white backdrop says so and has nothing to show.
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { productShot } from '../../test-support/product-shots';
import { tempDir } from '../../test-support/sample-images';
import { hasSamplePhotos, NO_SAMPLE_PHOTOS, samplePhoto } from '../../test-support/sample-photos';
import { colouredProductShot, shotPng } from '../../test-support/studio-shots';

let h: Harness;
const ids = new Map<string, number>();

beforeAll(async () => {
  h = await startHarness();
  const catalog = await tempDir('whitebg-preview');
  await writeFile(join(catalog, 'studio.png'), await shotPng(colouredProductShot(1200, 900)));
  const grey = await productShot('grey', 2, { width: 900, height: 700 });
  await writeFile(join(catalog, `grey.${grey.ext}`), grey.data);
  if (hasSamplePhotos) await copyFile(samplePhoto('coffee.png'), join(catalog, 'coffee.png'));
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) ids.set(a.name.replace(/\..*$/, ''), a.id);
}, 120_000);

afterAll(async () => {
  await h.dispose();
});

async function corner(file: string): Promise<number[]> {
  const { data } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [...data.subarray(0, 3)];
}

describe('previews.whiteBackground', () => {
  it('cleans the preview of a studio shot, caches it and serves it as media', async () => {
    const id = ids.get('studio') ?? 0;
    const first = await h.call('previews.whiteBackground', { id });
    expect(first.reason).toBeNull();
    expect(first.key).toMatch(/^[0-9a-f]{64}-1$/);
    expect(first.borderShare).toBe(1);
    const file = await h.engine.mediaFile('whitebg', first.key ?? '');
    expect(file).not.toBeNull();
    expect(await corner(file ?? '')).toEqual([255, 255, 255]);
    // The preview itself stays as it was (off-white).
    const preview = await h.call('previews.ensure', { id });
    const before = await h.engine.mediaFile('preview', preview.hash ?? '');
    expect((await corner(before ?? ''))[0]).toBeLessThan(250);
    // Asked again: from the cache, the same key.
    const again = await h.call('previews.whiteBackground', { id });
    expect(again).toMatchObject({ key: first.key, reason: null, borderShare: null });
    const plain = await h.call('previews.whiteBackground', { id, keepShadow: false });
    expect(plain.key).toBe(`${preview.hash}-0`);
  });

  it('has nothing to show for a backdrop that is not near-white', async () => {
    const grey = await h.call('previews.whiteBackground', { id: ids.get('grey') ?? 0 });
    expect(grey.key).toBeNull();
    expect(grey.reason).toMatch(/not near-white/);
  });

  it.skipIf(!hasSamplePhotos)(
    `leaves a real photo without a white backdrop alone (coffee.png; skipped: ${NO_SAMPLE_PHOTOS})`,
    async () => {
      const coffee = await h.call('previews.whiteBackground', { id: ids.get('coffee') ?? 0 });
      expect(coffee.key).toBeNull();
      expect(coffee.reason).toMatch(/not near-white/);
    },
  );

  it('serves no whitebg key of content no asset has', async () => {
    expect(await h.engine.mediaFile('whitebg', `${'0'.repeat(64)}-1`)).toBeNull();
  });
});
