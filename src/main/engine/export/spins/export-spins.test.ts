// Spin export on real frames: frames at the preset's size, the sprite sheet and its layout,
// Amazon's 360 zip (unzipped with fflate and checked), incremental on a second run.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { tempDir } from '../../../test-support/sample-images';
import { writeSpinFrames } from '../../../test-support/spin-frames';
import { amazonCount, amazonFrameName, resample } from './amazon-360';

let h: Harness;
let folder: string;
let out: string;
let shoe: number;
const pad = (i: number) => String(i).padStart(2, '0');

beforeAll(async () => {
  folder = await tempDir('spin-export');
  out = await tempDir('spin-export-out');
  await writeSpinFrames(folder, 30, (i) => `SHOE-1_spin_${pad(i)}.jpg`);
  await writeSpinFrames(folder, 10, (i) => `BAG-2_spin_${pad(i)}.jpg`);
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  const made = await h.call('spins.createByRule', { rule: '{sku}_spin_{frame}' });
  const spin = made.spins.find((s) => s.name === 'SHOE-1');
  shoe = spin?.id ?? 0;
  const product = await h.call('products.create', { sku: 'SHOE-1', name: 'Shoe' });
  // A product links a spin by its cover, in the role 'spin'.
  await h.call('links.add', {
    productId: product.id,
    assetIds: [spin?.coverAssetId ?? 0],
    role: 'spin',
  });
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('Amazon frame counts', () => {
  it('sends the count asked for, else the largest the spin fills; none under 24', () => {
    expect(amazonCount(72, undefined)).toBe(72);
    expect(amazonCount(50, undefined)).toBe(48);
    expect(amazonCount(50, 24)).toBe(24);
    expect(amazonCount(30, 72)).toBe(24);
    expect(amazonCount(23, 24)).toBeNull();
    expect(resample(30, 24)).toEqual([
      0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 15, 16, 17, 18, 20, 21, 22, 23, 25, 26, 27, 28,
    ]);
    expect(resample(72, 72)).toEqual(Array.from({ length: 72 }, (_, i) => i));
    // Entry names stay flat whatever the SKU holds.
    expect(amazonFrameName('SHOE-1', 0)).toBe('SHOE-1_360_01.jpg');
    for (const sku of ['SHOE/RED', '../../x', 'a\\b'])
      expect(amazonFrameName(sku, 4)).toMatch(/^[^/\\]+_360_05\.jpg$/);
  });
});

describe('spins.export', () => {
  it('writes frames, a sprite sheet with its layout and one Amazon zip per SKU', async () => {
    const result = await h.call('spins.export', { out });
    expect(result).toMatchObject({ spins: 2, written: 30 + 2 + 1 + 10 + 2, unchanged: 0 });
    expect(result.warnings).toEqual([
      expect.stringMatching(/BAG-2: Amazon's 360 package needs at least 24 frames; it has 10/),
    ]);
    const dir = join(out, 'SHOE-1');
    const frames = (await readdir(join(dir, 'frames'))).sort();
    expect(frames).toHaveLength(30);
    expect(frames[0]).toBe('SHOE-1_01.jpg');

    const layout = JSON.parse(await readFile(join(dir, 'sprite.json'), 'utf8')) as {
      frames: number;
      columns: number;
      rows: number;
      frameWidth: number;
      width: number;
      height: number;
      positions: { x: number; y: number }[];
    };
    expect(layout).toMatchObject({ frames: 30, columns: 6, rows: 5, frameWidth: 256 });
    expect(layout.positions[7]).toEqual({ frame: 7, x: 256, y: 256 });
    const sheet = await sharp(await readFile(join(dir, 'sprite.jpg'))).metadata();
    expect([sheet.width, sheet.height]).toEqual([layout.width, layout.height]);

    const zip = unzipSync(new Uint8Array(await readFile(join(dir, 'amazon', 'SHOE-1.zip'))));
    const names = Object.keys(zip).sort();
    expect(names).toEqual([
      ...Array.from({ length: 24 }, (_, i) => `SHOE-1_360_${pad(i + 1)}.jpg`),
      'manifest.json',
    ]);
    const manifest = JSON.parse(Buffer.from(zip['manifest.json'] ?? []).toString('utf8')) as {
      sku: string;
      frames: number;
      sourceFrames: number;
      files: { name: string; sourceFrame: number }[];
    };
    expect(manifest).toMatchObject({ sku: 'SHOE-1', frames: 24, sourceFrames: 30 });
    expect(manifest.files.map((f) => f.sourceFrame)).toEqual(resample(30, 24));
    // Each zipped frame is the spin's frame it names, as rendered for the channel.
    const fifth = manifest.files[4];
    expect(Buffer.from(zip[fifth?.name ?? ''] ?? [])).toEqual(
      await readFile(join(dir, 'frames', `SHOE-1_${pad((fifth?.sourceFrame ?? 0) + 1)}.jpg`)),
    );
    expect(await readdir(join(out, 'BAG-2'))).not.toContain('amazon');
  });

  it('rewrites nothing unchanged, and only what a frame removed changes', async () => {
    const again = await h.call('spins.export', { out });
    expect(again).toMatchObject({ written: 0, unchanged: 45, removed: 0 });
    const last = (await h.call('spins.get', { id: shoe })).frameList.at(-1)?.assetId ?? 0;
    await h.call('spins.removeFrames', { id: shoe, assetIds: [last] });
    const after = await h.call('spins.export', { out, ids: [shoe] });
    // Frame 30's file goes; the sprite (two files) and the zip (24 of 29 now) are remade.
    expect(after).toMatchObject({ written: 3, unchanged: 29, removed: 1 });
    expect(await readdir(join(out, 'SHOE-1', 'frames'))).toHaveLength(29);
  });

  it('leaves out a frame the rights check blocks, saying which', async () => {
    const bag = (await h.call('spins.list', {})).find((s) => s.name === 'BAG-2');
    const frames = (await h.call('spins.get', { id: bag?.id ?? 0 })).frameList;
    const { id: ended } = await h.call('licences.create', {
      name: 'Ended',
      type: 'rights-managed',
      endsOn: '2020-01-01',
    });
    await h.call('licences.attach', { licenceId: ended, assetIds: [frames[3]?.assetId ?? 0] });
    const result = await h.call('spins.export', { out, ids: [bag?.id ?? 0] });
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^BAG-2: left out by the rights check: BAG-2_spin_04\.jpg \(.+\)$/),
    );
    const files = await readdir(join(out, 'BAG-2', 'frames'));
    expect(files).toHaveLength(9);
  });
});
