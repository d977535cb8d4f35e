import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { thumbHashToAverageRGBA } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/events';
import { writeCameraJpeg } from '../../test-support/camera-jpeg';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeSampleFolder, tempDir } from '../../test-support/sample-images';

const GREEN = { r: 20, g: 200, b: 40 };
const RED = { r: 220, g: 20, b: 20 };

let exiftool: ExifTool;
let folder: string;
let h: Harness;

beforeAll(async () => {
  exiftool = new ExifTool({ maxProcs: 1 });
  folder = await tempDir('quick-look');
  // Camera files: a green thumbnail embedded in a red frame.
  for (const n of [1, 2, 3, 4])
    await writeCameraJpeg(exiftool, join(folder, `camera-${n}.jpg`), {
      width: 900 + n,
      height: 600,
      frame: RED,
      thumbnail: GREEN,
    });
  // Exported files: no thumbnail, so only a full decode gives a placeholder.
  for (const n of [1, 2]) {
    const image = sharp({ create: { width: 800 + n, height: 600, channels: 3, background: RED } });
    await writeFile(join(folder, `export-${n}.jpg`), await image.jpeg().toBuffer());
  }
  await writeFile(join(folder, 'notes.txt'), 'not an image\n');
  h = await startHarness({ concurrency: 1, quickLook: true });
});

afterAll(async () => {
  await exiftool.end();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

const green = (placeholder: string | null): boolean => {
  const { r, g } = thumbHashToAverageRGBA(Buffer.from(placeholder ?? '', 'base64'));
  return g > 0.5 && r < 0.3;
};

describe('the quick look before indexing', () => {
  it('paints camera files from their embedded thumbnails first, then indexes the rest', async () => {
    const seen: { name: EventName; ids: number[]; placeholders: (string | null)[] }[] = [];
    const stop = h.engine.subscribe((name, payload) => {
      if (name === 'assets.placeholders' || name === 'assets.indexed') {
        const items = (payload as { items: { id: number; placeholder?: string }[] }).items;
        seen.push({
          name,
          ids: items.map((i) => i.id),
          placeholders: items.map((i) => i.placeholder ?? null),
        });
      }
    });
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    stop();

    const byName = new Map((await h.all()).map((a) => [a.name, a]));
    const id = (name: string): number => byName.get(name)?.id ?? -1;
    const cameras = [1, 2, 3, 4].map((n) => id(`camera-${n}.jpg`));
    const exports = [1, 2].map((n) => id(`export-${n}.jpg`));

    // Every camera file got a placeholder from its thumbnail (green) in the first batch,
    // before any index result.
    const painted = seen.filter((e) => e.name === 'assets.placeholders');
    expect(seen[0]?.name).toBe('assets.placeholders');
    const fromLooks = painted.flatMap((e) => e.ids).filter((i) => cameras.includes(i));
    expect(fromLooks.sort()).toEqual([...cameras].sort());
    for (const e of painted)
      e.ids.forEach((i, n) => expect(green(e.placeholders[n] ?? null)).toBe(cameras.includes(i)));
    // The full index ran the exported files first (no cheap placeholder), then the cameras.
    const indexed = seen.filter((e) => e.name === 'assets.indexed').flatMap((e) => e.ids);
    expect(indexed.slice(0, 2).sort()).toEqual([...exports].sort());
    expect(indexed).toHaveLength(7);
    // Each exported file was painted as its index made its placeholder (red), in the
    // placeholder stream the page patches in place, not only with the index results.
    const paintedExports = painted.flatMap((e) => e.ids).filter((i) => exports.includes(i));
    expect(paintedExports.sort()).toEqual([...exports].sort());

    // In the end every image has the placeholder of its real pixels (red), the text none.
    for (const asset of byName.values()) {
      if (asset.name === 'notes.txt') expect(asset.placeholder).toBeNull();
      else expect(green(asset.placeholder), asset.name).toBe(false);
    }
  });
});

describe('copies share one look', () => {
  it('paints every copy from one look, and costly copies from the first copy indexed', async () => {
    const dir = await tempDir('quick-look-copies');
    const copies = await startHarness({ concurrency: 1, quickLook: true });
    try {
      await writeCameraJpeg(exiftool, join(dir, 'camera-a.jpg'), {
        width: 900,
        height: 600,
        frame: RED,
        thumbnail: GREEN,
      });
      const exported = sharp({ create: { width: 800, height: 600, channels: 3, background: RED } });
      await writeFile(join(dir, 'export-a.jpg'), await exported.jpeg().toBuffer());
      for (const copy of ['b', 'c']) {
        for (const kind of ['camera', 'export'])
          await writeFile(
            join(dir, `${kind}-${copy}.jpg`),
            await readFile(join(dir, `${kind}-a.jpg`)),
          );
      }
      const order: { name: EventName; id: number; placeholder: string | null }[] = [];
      const stop = copies.engine.subscribe((name, payload) => {
        if (name !== 'assets.placeholders' && name !== 'assets.indexed') return;
        for (const item of (payload as { items: { id: number; placeholder?: string }[] }).items)
          order.push({ name, id: item.id, placeholder: item.placeholder ?? null });
      });
      await copies.call('catalogs.add', { path: dir });
      await copies.call('jobs.wait', {});
      stop();

      const assets = await copies.all();
      const ids = (kind: string): number[] =>
        assets.filter((a) => a.name.startsWith(kind)).map((a) => a.id);
      const painted = (id: number): number =>
        order.findIndex((e) => e.id === id && e.name === 'assets.placeholders');
      const indexed = (id: number): number =>
        order.findIndex((e) => e.id === id && e.name === 'assets.indexed');
      // Each camera copy painted green before anything was indexed.
      for (const id of ids('camera')) {
        expect(painted(id)).toBeGreaterThanOrEqual(0);
        expect(green(order[painted(id)]?.placeholder ?? null)).toBe(true);
        expect(painted(id)).toBeLessThan(Math.min(...assets.map((a) => indexed(a.id))));
      }
      // One export copy was indexed first (the costly lane holds one per group); the other
      // two were painted with its placeholder before their own index.
      const exportIds = ids('export');
      const first = order.find((e) => e.name === 'assets.indexed')?.id;
      expect(exportIds).toContain(first);
      const leader = assets.find((a) => a.id === first);
      for (const id of exportIds.filter((x) => x !== first)) {
        expect(painted(id)).toBeGreaterThanOrEqual(0);
        expect(painted(id)).toBeLessThan(indexed(id));
        expect(order[painted(id)]?.placeholder).toBe(leader?.placeholder);
      }
      // In the end each copy has the placeholder of its own index (the same pixels).
      for (const kind of ['camera', 'export']) {
        const own = assets.filter((a) => a.name.startsWith(kind)).map((a) => a.placeholder);
        expect(new Set(own).size).toBe(1);
        expect(green(own[0] ?? null)).toBe(false);
      }
    } finally {
      await copies.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

type Rgb = { r: number; g: number; b: number };
const WHITE = { r: 255, g: 255, b: 255 };

/** An uncompressed 400 px wide TIFF of 200-row bands, top to bottom. */
async function writeBands(path: string, bands: readonly Rgb[]): Promise<void> {
  const rows = await Promise.all(
    bands.map((background) =>
      sharp({ create: { width: 400, height: 200, channels: 3, background } })
        .raw()
        .toBuffer(),
    ),
  );
  await sharp(Buffer.concat(rows), { raw: { width: 400, height: 200 * bands.length, channels: 3 } })
    .tiff({ compression: 'none' })
    .toFile(path);
}

/**
 * Indexes two shots (bands with RED, then with GREEN) and checks each was only ever
 * painted with its own placeholder. `same`: the byte ranges the two files share.
 */
async function eachPaintedOwn(
  bands: (colour: Rgb) => Rgb[],
  same: (a: Buffer, b: Buffer) => boolean,
): Promise<void> {
  const dir = await tempDir('quick-look-alike');
  const alike = await startHarness({ concurrency: 1, quickLook: true });
  try {
    await writeBands(join(dir, 'shot-red.tif'), bands(RED));
    await writeBands(join(dir, 'shot-green.tif'), bands(GREEN));
    const [a, b] = await Promise.all(
      ['shot-red.tif', 'shot-green.tif'].map((n) => readFile(join(dir, n))),
    );
    expect(a?.length).toBe(b?.length);
    expect(same(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0))).toBe(true);
    const painted: { id: number; placeholder: string }[] = [];
    const stop = alike.engine.subscribe((name, payload) => {
      if (name === 'assets.placeholders')
        painted.push(...(payload as { items: { id: number; placeholder: string }[] }).items);
    });
    await alike.call('catalogs.add', { path: dir });
    await alike.call('jobs.wait', {});
    stop();
    const assets = await alike.all();
    expect(new Set(assets.map((x) => x.placeholder)).size).toBe(2);
    for (const paint of painted)
      expect(paint.placeholder).toBe(assets.find((x) => x.id === paint.id)?.placeholder);
  } finally {
    await alike.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

const HEAD = 128 * 1024;
const TAIL = 16 * 1024;

describe('files that only begin alike', () => {
  it('are not taken for copies: each is painted with its own pixels', async () => {
    // Uncompressed studio shots of one size: the same white first 128 KB, another bottom.
    await eachPaintedOwn(
      (colour) => [WHITE, colour],
      (a, b) => a.subarray(0, HEAD).equals(b.subarray(0, HEAD)),
    );
  });

  it('nor files that begin and end alike: a product between white margins', async () => {
    // The packshot itself: white above and below the product, so the head and the tail
    // the look reads are the same bytes in both files; only the middle differs.
    await eachPaintedOwn(
      (colour) => [WHITE, colour, WHITE],
      (a, b) =>
        a.subarray(0, HEAD).equals(b.subarray(0, HEAD)) &&
        a.subarray(a.length - TAIL).equals(b.subarray(b.length - TAIL)),
    );
  });
});

describe('bad input with the quick look on', () => {
  it('ends each bad file in its own error, the rest indexed, a cut camera file too', async () => {
    const dir = await tempDir('quick-look-bad');
    const bad = await startHarness({ concurrency: 1, quickLook: true });
    try {
      const sample = await makeSampleFolder(dir);
      // A camera file cut just past its EXIF: the head still holds the whole thumbnail (so
      // the look paints it) but the picture itself is cut off.
      const whole = join(dir, 'whole.jpg.tmp');
      await writeCameraJpeg(exiftool, whole, {
        width: 900,
        height: 600,
        frame: RED,
        thumbnail: GREEN,
      });
      const bytes = await readFile(whole);
      const exifEnd = 4 + bytes.readUInt16BE(4); // APP1 comes right after SOI
      await writeFile(join(dir, 'cut-camera.jpg'), bytes.subarray(0, exifEnd + 200));
      await rm(whole);

      await bad.call('catalogs.add', { path: dir });
      await bad.call('jobs.wait', {});
      const byName = new Map((await bad.all()).map((a) => [a.name, a]));
      for (const good of sample.good)
        expect(byName.get(good.name), good.name).toMatchObject({ state: 'ok', thumb: 'ready' });
      for (const b of [...sample.bad, { name: 'cut-camera.jpg', reason: /truncated|damaged/i }]) {
        const asset = byName.get(b.name);
        expect(asset?.state, b.name).toBe('error');
        expect(asset?.error, b.name).toMatch(b.reason);
      }
    } finally {
      await bad.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
