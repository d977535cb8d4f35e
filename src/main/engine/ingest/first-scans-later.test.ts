// A progressive JPEG without a camera thumbnail is painted from its DC scans once every
// look is done, not inside the looks: there, largest first, its decode came before the
// camera files' placeholders.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { thumbHashToAverageRGBA } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/events';
import { writeCameraJpeg } from '../../test-support/camera-jpeg';
import { startHarness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';

const GREEN = { r: 20, g: 200, b: 40 };
const RED = { r: 220, g: 20, b: 20 };
const BLUE = { r: 20, g: 40, b: 220 };

let folder: string;

beforeAll(async () => {
  folder = await tempDir('first-scans-later');
  const exiftool = new ExifTool({ maxProcs: 1 });
  try {
    for (const n of [1, 2, 3, 4])
      await writeCameraJpeg(exiftool, join(folder, `camera-${n}.jpg`), {
        width: 600 + n,
        height: 400,
        frame: RED,
        thumbnail: GREEN,
      });
  } finally {
    await exiftool.end();
  }
  // The largest file, so looked at first; noise gives its later scans bytes to skip.
  const [width, height] = [2400, 1600];
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i += 3) {
    const noise = (i * 7919) % 17;
    data[i] = BLUE.r + noise;
    data[i + 1] = BLUE.g + noise;
    data[i + 2] = BLUE.b - noise;
  }
  const progressive = sharp(data, { raw: { width, height, channels: 3 } });
  await writeFile(
    join(folder, 'wallpaper.jpg'),
    await progressive.jpeg({ progressive: true, quality: 95 }).toBuffer(),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const colour = (placeholder: string | null): 'green' | 'blue' | 'red' | 'other' => {
  const { r, g, b } = thumbHashToAverageRGBA(Buffer.from(placeholder ?? '', 'base64'));
  if (g > 0.5 && r < 0.3) return 'green';
  if (b > 0.5 && r < 0.3) return 'blue';
  if (r > 0.5 && b < 0.3) return 'red';
  return 'other';
};

describe("a progressive JPEG's DC scans, after the looks", () => {
  it('paint it once every camera file is painted, and before its full index', async () => {
    const h = await startHarness({ concurrency: 1, quickLook: true });
    try {
      const seen: { name: EventName; id: number; placeholder: string | null }[][] = [];
      const stop = h.engine.subscribe((name, payload) => {
        if (name !== 'assets.placeholders' && name !== 'assets.indexed') return;
        const items = (payload as { items: { id: number; placeholder?: string }[] }).items;
        seen.push(items.map((i) => ({ name, id: i.id, placeholder: i.placeholder ?? null })));
      });
      await h.call('catalogs.add', { path: folder });
      await h.call('jobs.wait', {});
      stop();
      const wallpaper = await h.byName('wallpaper.jpg');
      const cameras = await Promise.all([1, 2, 3, 4].map((n) => h.byName(`camera-${n}.jpg`)));
      const batchOf = (id: number, name: EventName): number =>
        seen.findIndex((batch) => batch.some((e) => e.id === id && e.name === name));
      const painted = batchOf(wallpaper.id, 'assets.placeholders');
      // Painted once, from its DC scans (blue), in a batch after every camera file's.
      const paints = seen
        .flat()
        .filter((e) => e.id === wallpaper.id && e.name !== 'assets.indexed');
      expect(paints).toHaveLength(1);
      expect(colour(paints[0]?.placeholder ?? null)).toBe('blue');
      for (const camera of cameras) {
        const at = batchOf(camera.id, 'assets.placeholders');
        expect(at, camera.name).toBeGreaterThanOrEqual(0);
        expect(at, camera.name).toBeLessThan(painted);
      }
      expect(painted).toBeLessThan(batchOf(wallpaper.id, 'assets.indexed'));
      // Its index then wrote its own, as it does for any look's.
      expect(colour(wallpaper.placeholder)).toBe('blue');
      expect(wallpaper).toMatchObject({ state: 'ok', thumb: 'ready' });
    } finally {
      await h.dispose();
    }
  });
});
