// Readiness and pre-flight by kind of file, through a real engine: a product type that
// needs a manual counts only a document linked as document; a channel whose preset
// requires a 3D model or a video says so; a video linked as main fails pre-flight on a photo
// channel. Kinds come from the real indexer (extensions).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresetBody } from '../../../../shared/export-dto';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { writeCubeGlb } from '../../../test-support/sample-models';
import { quickStartPdf } from '../../../test-support/sample-pdfs';
import { makeClip } from '../../../test-support/sample-videos';

let h: Harness;
let folder: string;
const id: Record<string, number> = {};

beforeAll(async () => {
  folder = await tempDir('media-readiness');
  for (const [i, name] of ['front.jpg', 'side.jpg', 'back.jpg', 'scan.jpg'].entries())
    await writeFile(join(folder, name), await makeImage(1200, 1200, 'jpeg', 40 + i));
  // Real files of each kind: a file that cannot be read counts for no requirement.
  await makeClip(join(folder, 'clip.mp4'));
  await writeFile(join(folder, 'manual.pdf'), quickStartPdf());
  await writeCubeGlb(join(folder, 'chair.glb'));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) id[a.name] = a.id;
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function link(productId: number, name: string, role: string): Promise<void> {
  await h.call('links.add', {
    productId,
    assetIds: [id[name] ?? 0],
    role: role as 'main',
  });
}

async function reasons(productId: number): Promise<Record<string, string[]>> {
  const all = await h.call('products.readiness', { id: productId });
  return Object.fromEntries(all.map((r) => [r.channel, r.reasons.map((x) => x.message)]));
}

async function savePreset(presetId: string, change: (body: PresetBody) => PresetBody) {
  const {
    id: _i,
    builtIn: _b,
    modified: _m,
    version: _v,
    basedOn: _o,
    updatedAt: _u,
    ...body
  } = await h.call('presets.get', { id: presetId });
  await h.call('presets.save', { id: presetId, preset: change(body) });
}

describe('readiness by kind', () => {
  it('a product type that needs a manual counts only a document linked as document', async () => {
    const drill = await h.call('products.create', {
      sku: 'DRILL-1',
      channels: ['shopify'],
      productType: 'Power tool',
    });
    await link(drill.id, 'front.jpg', 'main');
    await link(drill.id, 'side.jpg', 'gallery');
    const needs = 'A tool needs a manual (PDF) linked as document';
    expect(await reasons(drill.id)).toEqual({ shopify: [needs] });
    await link(drill.id, 'scan.jpg', 'document'); // a photo of the manual is no manual
    expect(await reasons(drill.id)).toEqual({ shopify: [needs] });
    await link(drill.id, 'manual.pdf', 'document');
    expect(await reasons(drill.id)).toEqual({ shopify: [] });
  });

  it('a video linked as main is no main image', async () => {
    const reel = await h.call('products.create', { sku: 'REEL-1', channels: ['shopify'] });
    await link(reel.id, 'clip.mp4', 'main');
    await link(reel.id, 'side.jpg', 'gallery');
    expect(await reasons(reel.id)).toEqual({
      shopify: ['Main image clip.mp4 is a video: main takes a photo'],
    });
    const report = await h.call('products.notReady', { channel: 'shopify' });
    expect(report.blockers).toContainEqual({
      code: 'main_not_photo',
      message: 'The main image is not a photo',
      products: 1,
    });
  });

  it('a channel whose preset requires a 3D model or a video says so until it is linked', async () => {
    const chair = await h.call('products.create', { sku: 'CHAIR-1', channels: ['shopify'] });
    await link(chair.id, 'front.jpg', 'main');
    await link(chair.id, 'back.jpg', 'gallery');
    expect(await reasons(chair.id)).toEqual({ shopify: [] });
    await savePreset('shopify', (b) => ({
      ...b,
      rules: { ...b.rules, requires: ['model', 'video'] },
    }));
    expect(await reasons(chair.id)).toEqual({
      shopify: [
        'Shopify needs a 3D model linked as model',
        'Shopify needs a video linked as video',
      ],
    });
    await link(chair.id, 'side.jpg', 'model'); // a photo in the model role counts for nothing
    await link(chair.id, 'chair.glb', 'model');
    await link(chair.id, 'clip.mp4', 'video');
    expect(await reasons(chair.id)).toEqual({ shopify: [] });
    await h.call('presets.delete', { id: 'shopify' });
  });
});

describe('pre-flight by kind', () => {
  it('fails a video linked as main on a photo channel, saying which role takes it', async () => {
    const report = await h.call('exports.check', { channels: ['shopify'], query: 'sku:REEL-1' });
    const main = report.items.find((i) => i.sku === 'REEL-1' && i.role === 'main');
    expect(main?.level).toBe('fail');
    expect(main?.checks).toContainEqual({
      check: 'role-kind',
      level: 'fail',
      reason: 'a video linked as main: main takes a photo; link it as video',
    });
    const gallery = report.items.find((i) => i.sku === 'REEL-1' && i.role === 'gallery');
    expect(gallery?.level).not.toBe('fail');
    // A document in the main role: the same finding, in its words.
    await link(report.items[0]?.productId ?? 0, 'manual.pdf', 'main');
    const again = await h.call('exports.check', { channels: ['shopify'], query: 'sku:REEL-1' });
    expect(again.items.flatMap((i) => i.checks.map((c) => c.reason))).toContain(
      'a document linked as main: main takes a photo; link it as document',
    );
  });

  it('fails a product without the media its preset requires', async () => {
    await savePreset('shopify', (b) => ({ ...b, rules: { ...b.rules, requires: ['document'] } }));
    const check = async (sku: string) =>
      (await h.call('exports.check', { channels: ['shopify'], query: `sku:${sku}` })).items.find(
        (i) => i.assetId === null,
      );
    expect(await check('CHAIR-1')).toMatchObject({
      level: 'fail',
      checks: [
        {
          check: 'required-media',
          level: 'fail',
          reason: 'Shopify needs a manual (PDF) linked as document',
        },
      ],
    });
    expect(await check('DRILL-1')).toBeUndefined(); // its manual is linked
    await h.call('presets.delete', { id: 'shopify' });
    expect(await check('CHAIR-1')).toBeUndefined();
  });
});
