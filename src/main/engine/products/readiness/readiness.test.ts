// Readiness per product and channel: the rules on their own, then through the engine with
// real images of real sizes.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/product-dto';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { builtInPresets } from '../../repositories/built-in-presets';
import { CHANNEL_POLICY } from './channel-policy';
import { builtInPresetOf, requirementsFor } from './channel-requirements';
import { computeReadiness, notReady, type LinkedFile } from './compute-readiness';
import { rightsBlocks } from './rights-readiness';
import { aLicence } from '../../../test-support/licence-fixture';

const licence = aLicence({ name: 'Press' });

const product = (id: number, over: Partial<Product> = {}): Product => ({
  id,
  sku: `P-${id}`,
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
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const file = (
  productId: number,
  role: string,
  width = 2000,
  height = 2000,
  state = 'ok',
): LinkedFile => ({
  productId,
  assetId: productId,
  role,
  position: 0,
  state,
  width,
  height,
  name: `${role}-${productId}.jpg`,
  kind: role === 'document' ? 'document' : 'image',
});

describe('channel requirements', () => {
  it('covers every agreed channel id, and gives unknown ones the baseline', () => {
    expect(Object.keys(CHANNEL_POLICY).sort()).toEqual([
      'amazon',
      'bol',
      'ebay',
      'etsy',
      'google',
      'instagram',
      'shopify',
      'web',
      'woocommerce',
      'zalando',
    ]);
    expect(requirementsFor('zalando')).toMatchObject({ minWidth: 762, minHeight: 1100 });
    expect(requirementsFor('my-shop')).toMatchObject({
      label: 'my-shop',
      minGallery: 1,
      minLongSide: null,
    });
  });

  it('maps each channel to built-in presets of that channel, by id', () => {
    const builtIn = new Map(builtInPresets().map((p) => [p.id, p.body.channel]));
    for (const [channel, { presetIds }] of Object.entries(CHANNEL_POLICY)) {
      expect(presetIds.length, channel).toBeGreaterThan(0);
      for (const id of presetIds) expect(builtIn.get(id), `${channel} → ${id}`).toBe(channel);
    }
    // Amazon's main image is ruled by amazon-main only: amazon-additional exports no main.
    expect(requirementsFor('amazon')).toMatchObject({ minLongSide: 500, minWidth: null });
  });

  it('takes image minimums from the presets it is given, the strictest where several apply', () => {
    const edited = (id: string) => {
      const body = builtInPresetOf(id);
      if (!body || id !== 'instagram-portrait') return body;
      return { ...body, rules: { ...body.rules, minWidth: 600, minHeight: 750 } };
    };
    expect(requirementsFor('instagram')).toMatchObject({ minWidth: 320, minHeight: null });
    expect(requirementsFor('instagram', edited)).toMatchObject({ minWidth: 600, minHeight: 750 });
    const p = product(9, { channels: ['instagram'] });
    const files = [file(9, 'main', 500, 500)];
    expect(computeReadiness([p], files)[0]?.reasons).toEqual([]);
    expect(computeReadiness([p], files, undefined, edited)[0]?.reasons[0]?.message).toBe(
      'Main image 500×500, Instagram needs at least 600×750',
    );
  });

  it('asks the rights check: an editorial-only main image keeps a product off Amazon, not off the web', () => {
    const p = product(12, { channels: ['amazon', 'web'] });
    const files = [file(12, 'main'), ...Array.from({ length: 8 }, () => file(12, 'gallery'))];
    const editorial = {
      licences: [{ ...licence, type: 'editorial' as const }],
      releases: [],
      approval: 'draft' as const,
    };
    const rights = rightsBlocks(new Map([[12, editorial]]), builtInPresetOf, '2026-06-01');
    const byChannel = new Map(
      computeReadiness([p], files, undefined, builtInPresetOf, rights).map((r) => [r.channel, r]),
    );
    expect(byChannel.get('amazon')?.reasons.map((r) => r.code)).toContain('rights_blocked');
    expect(
      byChannel.get('amazon')?.reasons.find((r) => r.code === 'rights_blocked')?.message,
    ).toMatch(/editorial only, not for marketplace/);
    expect(byChannel.get('web')?.reasons.map((r) => r.code)).not.toContain('rights_blocked');
  });
});

describe('computing readiness', () => {
  it('scores each channel with its reasons', () => {
    const p = product(1, { channels: ['amazon', 'google'], productType: 'Kitchen appliance' });
    const files = [file(1, 'main', 480, 300), file(1, 'gallery')];
    const [amazon, google] = computeReadiness([p], files);
    expect(amazon).toMatchObject({ channel: 'amazon', score: 40 });
    expect(amazon?.reasons.map((r) => r.code)).toEqual([
      'main_too_small',
      'few_gallery',
      'no_document',
    ]);
    expect(amazon?.reasons[0]?.message).toBe(
      'Main image 480×300, Amazon needs 500 px on the longest side',
    );
    expect(google).toMatchObject({ channel: 'google', score: 75 });
    expect(google?.reasons.map((r) => r.code)).toEqual(['no_document']);
  });

  it('counts missing files, and gives a product on no channel the baseline checks', () => {
    const [r] = computeReadiness(
      [product(2)],
      [file(2, 'main', 900, 900, 'missing'), file(2, 'gallery')],
    );
    expect(r).toMatchObject({ channel: 'any', score: 33 });
    expect(r?.reasons.map((x) => x.code)).toEqual(['no_main', 'missing_file']);
  });

  it('lets a variant use its parent’s files and channels where it has none of its own', () => {
    const parent = product(3, { channels: ['bol'] });
    const variant = product(4, { parentId: 3 });
    const files = [file(3, 'main', 1200, 1200), file(3, 'gallery'), file(4, 'main', 300, 300)];
    const [, v] = computeReadiness([parent, variant], files);
    expect(v).toMatchObject({ productId: 4, channel: 'bol' });
    expect(v?.reasons.map((x) => x.code)).toEqual(['main_too_small']);
  });

  it('ranks what blocks the most products first', () => {
    const all = computeReadiness(
      [
        product(5, { channels: ['ebay'] }),
        product(6, { channels: ['ebay'] }),
        product(7, { channels: ['ebay'] }),
      ],
      [file(5, 'main'), file(5, 'gallery'), file(6, 'main', 100, 100)],
    );
    const report = notReady(all);
    expect(report.blockers).toEqual([
      { code: 'few_gallery', message: 'Too few gallery images', products: 2 },
      { code: 'main_too_small', message: 'Main image too small for the channel', products: 1 },
      { code: 'no_main', message: 'No main image', products: 1 },
    ]);
    expect(report.items.map((i) => i.sku)).toEqual(['P-6', 'P-7']);
  });
});

describe('readiness through the engine', () => {
  let h: Harness;
  let folder: string;

  beforeAll(async () => {
    folder = await tempDir('ready');
    await writeFile(join(folder, 'big.jpg'), await makeImage(1600, 1000, 'jpeg', 1));
    await writeFile(join(folder, 'small.jpg'), await makeImage(400, 300, 'jpeg', 2));
    await writeFile(join(folder, 'side.png'), await makeImage(800, 800, 'png', 3));
    await writeFile(join(folder, 'manual.pdf'), '%PDF-1.4\n% not a real manual\n');
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
  });

  afterAll(async () => {
    await h.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('checks a product on its channels and lists the products not ready', async () => {
    const drill = await h.call('products.create', {
      sku: 'DRILL-18V',
      channels: ['amazon', 'zalando'],
      productType: 'power tool',
    });
    const shirt = await h.call('products.create', { sku: 'SHIRT-1', channels: ['amazon'] });
    const big = await h.byName('big.jpg');
    const small = await h.byName('small.jpg');
    await h.call('links.add', { productId: drill.id, assetIds: [big.id], role: 'main' });
    await h.call('links.add', { productId: drill.id, assetIds: [small.id], role: 'gallery' });
    await h.call('links.add', { productId: shirt.id, assetIds: [small.id], role: 'main' });

    const drillReady = await h.call('products.readiness', { id: drill.id });
    expect(drillReady.map((r) => [r.channel, r.reasons.map((x) => x.code)])).toEqual([
      ['amazon', ['few_gallery', 'no_document']],
      ['zalando', ['main_too_small', 'few_gallery', 'no_document']],
    ]);

    const amazon = await h.call('products.notReady', { channel: 'amazon' });
    expect(amazon.items.map((i) => i.sku).sort()).toEqual(['DRILL-18V', 'SHIRT-1']);
    expect(amazon.blockers[0]).toEqual({
      code: 'few_gallery',
      message: 'Too few gallery images',
      products: 2,
    });

    const manual = await h.byName('manual.pdf');
    await h.call('links.add', { productId: drill.id, assetIds: [manual.id], role: 'document' });
    const side = await h.byName('side.png');
    await h.call('links.add', { productId: drill.id, assetIds: [side.id], role: 'gallery' });
    const after = await h.call('products.readiness', { id: drill.id });
    expect(after[0]).toMatchObject({ channel: 'amazon', score: 100, reasons: [] });
    expect(
      (await h.call('products.notReady', {})).items.map((i) => `${i.sku}@${i.channel}`),
    ).toEqual(['SHIRT-1@amazon', 'DRILL-18V@zalando']);
  });

  it('checks the presets as the user edited them, as export will', async () => {
    const drill = await h.call('products.create', { sku: 'DRILL-2', channels: ['zalando'] });
    const big = await h.byName('big.jpg');
    await h.call('links.add', { productId: drill.id, assetIds: [big.id], role: 'main' });
    const codes = async (): Promise<string[]> =>
      (await h.call('products.readiness', { id: drill.id }))[0]?.reasons.map((r) => r.code) ?? [];
    expect(await codes()).toContain('main_too_small'); // 1600×1000 under 762×1100

    const zalando = await h.call('presets.get', { id: 'zalando' });
    const {
      id: _id,
      builtIn: _b,
      modified: _m,
      version: _v,
      basedOn: _o,
      updatedAt: _u,
      ...body
    } = zalando;
    await h.call('presets.save', {
      id: 'zalando',
      preset: { ...body, rules: { ...body.rules, minHeight: 1000 } },
    });
    expect(await codes()).not.toContain('main_too_small');

    await h.call('presets.delete', { id: 'zalando' });
    expect(await codes()).toContain('main_too_small');
  });
});
