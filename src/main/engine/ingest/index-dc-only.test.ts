// The full index of big progressive JPEGs, whose grid thumbnails it decodes from their DC
// scans alone (tools/sharp/jpeg-dc-only.ts): each thumbnail in the cache is byte for byte
// the one the whole file renders, and the asset's facts are the file's, not the cut's. Damage
// inside a later scan is left to the renditions, which decode the whole file.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { MediaCache } from '../media/media-cache';
import { dcOnlyJpeg } from '../tools/sharp/jpeg-dc-only';
import { renderThumbnail, THUMB_PX } from '../tools/sharp/render-thumbnail';
import { openSource } from '../tools/render/sharp-input';

let h: Harness;
let folder: string;
const files = new Map<string, Buffer>();
let damaged: Buffer;

/** Noise over a gradient: the AC scans carry most of the bytes. */
function noisy(width: number, height: number, seed: number): Sharp {
  const data = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = ((i % (width * 3)) * 85) / width + ((s >>> 24) & 127);
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

beforeAll(async () => {
  folder = await tempDir('dc-only');
  files.set(
    'rotated.jpg',
    await noisy(3100, 1800, 1)
      .withMetadata({ orientation: 6 })
      .jpeg({ progressive: true, quality: 90 })
      .toBuffer(),
  );
  files.set('under.jpg', await noisy(2879, 1700, 2).jpeg({ progressive: true }).toBuffer());
  for (const [name, data] of files) await writeFile(join(folder, name), data);
  // A marker where the last (AC) scan's data should be: the whole file fails to decode.
  damaged = await noisy(3000, 2000, 3)
    .jpeg({ progressive: true, chromaSubsampling: '4:4:4' })
    .toBuffer();
  const lastScan = damaged.lastIndexOf(Buffer.from([0xff, 0xda]));
  damaged.set([0xff, 0xd5], Math.floor((lastScan + damaged.length) / 2));
  await writeFile(join(folder, 'damaged.jpg'), damaged);
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
});

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

it('writes the thumbnail the whole file renders, and the whole file’s facts', async () => {
  const cache = new MediaCache(join(h.dataDir, 'cache'));
  expect(dcOnlyJpeg(files.get('rotated.jpg')!, THUMB_PX)).not.toBeNull();
  expect(dcOnlyJpeg(files.get('under.jpg')!, THUMB_PX)).toBeNull();
  for (const [name, data] of files) {
    const asset = await h.byName(name);
    expect(asset.state).toBe('ok');
    expect(asset.thumb).toBe('ready');
    const written = await readFile(cache.pathFor('thumb', asset.hash!));
    expect(written.equals(await renderThumbnail(data))).toBe(true);
  }
  const rotated = await h.byName('rotated.jpg');
  expect([rotated.width, rotated.height, rotated.orientation]).toEqual([3100, 1800, 6]);
  expect(rotated.bytes).toBe(files.get('rotated.jpg')!.length);
});

it('leaves damage inside a later scan to the renditions, which refuse it', async () => {
  // The index reads only the DC scans (a quarter of the CPU for the same thumbnail), so it
  // cannot see this damage; every rendition (channel packs, renditions by URL) decodes the
  // whole file and fails on it, an error on that item.
  await expect(renderThumbnail(damaged)).rejects.toThrow();
  expect(dcOnlyJpeg(damaged, THUMB_PX)).not.toBeNull();
  const asset = await h.byName('damaged.jpg');
  expect([asset.state, asset.thumb]).toEqual(['ok', 'ready']);
  await expect(openSource(damaged).resize(800).jpeg().toBuffer()).rejects.toThrow(
    /corrupt|premature/i,
  );
});
