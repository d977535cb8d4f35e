// Which products export and check take: the search language, true of a product (SKU, name)
// or of the product beside one of its own linked files (README, "Channel packs").
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let photos: string;
let packs: string;

const FILES = ['hero.jpg', 'back.jpg', 'bee.jpg', 'boot.jpg', 'group.jpg', 'loose.jpg'];

beforeAll(async () => {
  photos = await tempDir('pack-selection-photos');
  packs = await tempDir('pack-selection-out');
  for (const [i, name] of FILES.entries())
    await writeFile(join(photos, name), await makeImage(200, 200, 'jpeg', i + 1));
  h = await startHarness();
  await h.call('catalogs.add', { path: photos });
  await h.call('jobs.wait', {});
  const id = async (name: string) => (await h.byName(name)).id;
  const product = async (sku: string, name: string, parentSku?: string) =>
    (await h.call('products.create', { sku, name, ...(parentSku ? { parentSku } : {}) })).id;
  const a = await product('SHOT-A', 'Runner sneaker');
  const b = await product('SHOT-B', 'Trail sneaker');
  const c = await product('SHOT-C', 'Winter boot');
  await product('SHOT-D', 'Desk lamp');
  // A variant with no files of its own: a pack takes only a product's own files.
  await product('VAR-A1', 'Runner sneaker red', 'SHOT-A');
  await h.call('links.add', { productId: a, assetIds: [await id('hero.jpg')], role: 'main' });
  await h.call('links.add', { productId: a, assetIds: [await id('back.jpg')] });
  await h.call('links.add', { productId: b, assetIds: [await id('bee.jpg')], role: 'main' });
  await h.call('links.add', { productId: c, assetIds: [await id('boot.jpg')], role: 'main' });
  // One file shared by A and C: sku:SHOT-A must not bring C along.
  await h.call('links.add', { productId: a, assetIds: [await id('group.jpg')] });
  await h.call('links.add', { productId: c, assetIds: [await id('group.jpg')] });
  await h.call('tags.applyQuery', { query: 'name:boot', path: 'Season|Winter' });
  await h.call('assets.editQuery', { query: 'name:hero', rating: 5 });
  await h.call('assets.editQuery', { query: 'name:bee', rating: 4 });
  await h.call('assets.editQuery', { query: 'name:boot', rating: 2 });
}, 300_000);

afterAll(async () => {
  await h.dispose();
  await rm(photos, { recursive: true, force: true });
  await rm(packs, { recursive: true, force: true });
});

/** The SKUs pre-flight covers for a query (every selected product has at least one item). */
async function checked(query: string): Promise<string[]> {
  const report = await h.call('exports.check', { channels: ['shopify'], query });
  const skus = [...new Set(report.items.map((i) => i.sku))].sort();
  expect(report.products).toBe(skus.length);
  return skus;
}

describe('selecting products for a pack', () => {
  it("exports both products' files and nothing else for sku:SHOT-A OR sku:SHOT-B", async () => {
    const out = join(packs, 'a-or-b');
    const job = await h.call('exports.start', {
      channels: ['shopify'],
      out,
      query: 'sku:SHOT-A OR sku:SHOT-B',
    });
    const summary = await h.call('exports.wait', { jobId: job.jobId });
    expect(summary.state).toBe('done');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
    const exported = manifest.files.map((f) => `${f.sku} ${f.sourceAssetId}`).sort();
    const ids = await Promise.all(
      ['hero.jpg', 'back.jpg', 'group.jpg', 'bee.jpg'].map(async (n) => (await h.byName(n)).id),
    );
    expect(exported).toEqual(
      [`SHOT-A ${ids[0]}`, `SHOT-A ${ids[1]}`, `SHOT-A ${ids[2]}`, `SHOT-B ${ids[3]}`].sort(),
    );
  });

  it('sku: is a SKU prefix, product: a word in the name or SKU, on products with or without files', async () => {
    expect(await checked('sku:SHOT-A')).toEqual(['SHOT-A']);
    expect(await checked('sku:shot')).toEqual(['SHOT-A', 'SHOT-B', 'SHOT-C', 'SHOT-D']);
    expect(await checked('product:sneaker')).toEqual(['SHOT-A', 'SHOT-B', 'VAR-A1']);
    expect(await checked('product:lamp')).toEqual(['SHOT-D']);
  });

  it('free words match SKU or name, also of a product with no files', async () => {
    expect(await checked('desk')).toEqual(['SHOT-D']);
    expect(await checked('runner red')).toEqual(['VAR-A1']);
    expect(await checked('"winter boot"')).toEqual(['SHOT-C']);
  });

  it('tag: and rating>= select a product by one of its own files', async () => {
    expect(await checked('tag:Winter')).toEqual(['SHOT-C']);
    expect(await checked('tag:Season')).toEqual(['SHOT-C']);
    expect(await checked('rating>=4')).toEqual(['SHOT-A', 'SHOT-B']);
    expect(await checked('rating>=4 sku:SHOT-B')).toEqual(['SHOT-B']);
    // A free word may be in the product or in its file: the sneaker whose file is named bee.
    expect(await checked('trail bee')).toEqual(['SHOT-B']);
  });

  it('NOT excludes by product, and by file only where every file is excluded', async () => {
    expect(await checked('NOT sku:SHOT-A')).toEqual(['SHOT-B', 'SHOT-C', 'SHOT-D', 'VAR-A1']);
    expect(await checked('-product:sneaker sku:SHOT')).toEqual(['SHOT-C', 'SHOT-D']);
    // SHOT-C's boot.jpg is tagged Winter, its shared group.jpg is not: it still has a file.
    expect(await checked('sku:SHOT-C -tag:Winter')).toEqual(['SHOT-C']);
    // File terms say nothing about a product with no files: NOT rating>=1 does not pick it.
    expect(await checked('NOT rating>=1')).toEqual(['SHOT-A', 'SHOT-C']);
  });

  it('a blank query takes every product', async () => {
    expect(await checked('  ')).toEqual(['SHOT-A', 'SHOT-B', 'SHOT-C', 'SHOT-D', 'VAR-A1']);
  });

  it('refuses a bad query with the same caret error as assets.list', async () => {
    for (const query of ['sku:SHOT-A OR', 'red (shoe', 'rating>=x', 'nope:1']) {
      const listed = await h.call('assets.list', { query }).catch((e: unknown) => e);
      expect(listed).toMatchObject({ code: 'invalid_argument' });
      const message = (listed as Error).message;
      expect(message).toMatch(/\^$/);
      await expect(h.call('exports.check', { channels: ['shopify'], query })).rejects.toMatchObject(
        {
          code: 'invalid_argument',
          message,
        },
      );
      await expect(
        h.call('exports.start', { channels: ['shopify'], out: join(packs, 'bad'), query }),
      ).rejects.toMatchObject({ code: 'invalid_argument', message });
    }
  });
});
