// The static headless pack through the real engine: content-named media that decode at the
// width their name states, product JSON that validates and points only at files that exist,
// _headers, a re-export that renders and rewrites nothing, a changed source that gets new
// names (the old ones removed once the JSON points at the new), a rights block left out and
// said, a scoped run that keeps the other products, and hostile SKUs given safe names; a 3D
// model as GLB and USDZ, a manual, a spin's frames, and a video with its poster (with ffmpeg).
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../../shared/export-dto';
import {
  headlessIndexSchema,
  headlessProductSchema,
  type HeadlessIndex,
  type HeadlessProduct,
} from '../../../../shared/headless-pack-schema';
import { eventually, startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { seedProducts } from '../../../test-support/seed-products';
import { makeCubeGlb } from '../../../test-support/model-export-fixtures';
import { quickStartPdf } from '../../../test-support/sample-pdfs';
import { makeClip } from '../../../test-support/sample-videos';
import { ffmpegBinaries } from '../../tools/ffmpeg/ffmpeg-binaries';
import { writeFaults } from '../pack/write-atomic';

let h: Harness;
let catalog: string;
let out: string;
let first: ExportSummary;
const HOSTILE = ['../x', 'CON', '👕 shirt'];
const hasFfmpeg = ffmpegBinaries() !== null;
const POSTERS = hasFfmpeg ? 1 : 0;
/** A spin of three frames, the third blocked by rights: two frames at one width. */
const SPIN_FRAMES = 2;

const run = async (query?: string): Promise<ExportSummary> => {
  const job = await h.call('exports.start', {
    channels: ['headless'],
    out,
    ...(query ? { query } : {}),
  });
  return h.call('exports.wait', { jobId: job.jobId });
};
const index = async (): Promise<HeadlessIndex> =>
  headlessIndexSchema.parse(JSON.parse(await readFile(join(out, 'index.json'), 'utf8')));
const product = async (sku: string): Promise<HeadlessProduct> => {
  const entry = (await index()).products.find((p) => p.sku === sku);
  if (!entry) throw new Error(`${sku} not in index.json`);
  return headlessProductSchema.parse(JSON.parse(await readFile(join(out, entry.json), 'utf8')));
};
/** The pictures in media/: the photos' renditions and the video's poster (not the model,
 *  manual or video). */
const media = async (): Promise<string[]> =>
  (await readdir(join(out, 'media'))).filter((f) => /\.(avif|webp|jpg)$/.test(f)).sort();
/** Every URL a product file names (src, srcset, sources, posters, models, manuals). */
const urls = (p: HeadlessProduct): string[] =>
  [
    ...p.images.flatMap((i) => [i.src, i.srcset, ...i.sources.map((s) => s.srcset)]),
    ...p.videos.flatMap((v) => [v.src, v.poster ?? '']),
    ...p.models.flatMap((m) => [m.glb ?? '', m.usdz ?? '']),
    ...p.documents.map((d) => d.src),
    ...p.spins.flatMap((x) => x.frames),
  ]
    .flatMap((s) => s.split(', ').map((part) => part.split(' ')[0]!))
    .filter((u) => u !== '');
/** Size, mtime and inode of every file in the pack: what a rewrite would change. */
const snapshot = async (): Promise<Map<string, string>> => {
  const files = (await readdir(out, { recursive: true })).filter((f) => !f.startsWith('.'));
  const shot = new Map<string, string>();
  for (const f of files) {
    const s = await stat(join(out, f));
    if (s.isFile()) shot.set(f, `${s.size}:${s.mtimeMs}:${s.ino}`);
  }
  return shot;
};

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('headless-src');
  out = await tempDir('headless-out');
  await writeFile(join(catalog, 'main.jpg'), await makeImage(1000, 700, 'jpeg', 1));
  await writeFile(join(catalog, 'side.png'), await makeImage(600, 600, 'png', 2));
  await writeFile(join(catalog, 'old.jpg'), await makeImage(500, 500, 'jpeg', 3));
  await writeFile(join(catalog, 'cube.glb'), await makeCubeGlb(64));
  await writeFile(join(catalog, 'manual.pdf'), quickStartPdf());
  if (hasFfmpeg)
    await makeClip(join(catalog, 'clip.mp4'), {
      seconds: 1,
      width: 320,
      height: 240,
      codec: 'h264',
    });
  for (const n of [1, 2, 3])
    await writeFile(join(catalog, `turn_${n}.png`), await makeImage(400, 400, 'png', 10 + n));
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  const frames = await Promise.all(
    [1, 2, 3].map(async (n) => (await h.byName(`turn_${n}.png`)).id),
  );
  const { spin } = await h.call('spins.create', { assetIds: frames, name: 'turn' });
  const [main, side, old, cube, manual] = await Promise.all(
    ['main.jpg', 'side.png', 'old.jpg', 'cube.glb', 'manual.pdf'].map(
      async (n) => (await h.byName(n)).id,
    ),
  );
  const clip = hasFfmpeg
    ? [{ assetId: (await h.byName('clip.mp4')).id, role: 'video' as const }]
    : [];
  seedProducts(h.dataDir, [
    {
      sku: 'SKU-1',
      name: 'Linen shirt',
      links: [
        { assetId: main!, role: 'main' },
        { assetId: side!, role: 'gallery', position: 0 },
        { assetId: old!, role: 'gallery', position: 1 },
        { assetId: cube!, role: 'model' },
        { assetId: spin!.coverAssetId, role: 'spin' },
        { assetId: manual!, role: 'document' },
        ...clip,
      ],
    },
    { sku: 'BLOCKED', links: [{ assetId: old!, role: 'main' }] },
    ...HOSTILE.map((sku) => ({ sku, links: [{ assetId: side!, role: 'main' as const }] })),
  ]);
  const { id: licence } = await h.call('licences.create', {
    name: 'Old contract',
    type: 'royalty-free',
    endsOn: '2020-12-31',
  });
  await h.call('licences.attach', { licenceId: licence, assetIds: [old!, frames[2]!] });
  const { id: owned } = await h.call('licences.create', {
    name: 'Studio',
    type: 'owned',
    creditLine: 'Photo: Studio K',
  });
  await h.call('licences.attach', { licenceId: owned, assetIds: [main!, side!] });
  await writeFile(join(out, 'index.html'), '<p>mine</p>'); // the user's: never touched
  first = await run();
}, 120_000);

afterAll(async () => {
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('static headless pack', () => {
  it('names media by content and width, and each decodes at its stated width and format', async () => {
    expect(first).toMatchObject({ failed: 0, state: 'done' });
    const files = await media();
    // main 1000 px: 480, 960, 1000 (1440 and 1920 would be the same 1000); side 600: 480, 600.
    expect(files).toHaveLength((3 + 2) * 3 + POSTERS + SPIN_FRAMES);
    for (const f of files) {
      const m = /^([0-9a-f]{16})-(\d+)\.(avif|webp|jpg)$/.exec(f);
      expect(m, f).not.toBeNull();
      const meta = await sharp(join(out, 'media', f)).metadata();
      expect(meta.width).toBe(Number(m![2]));
      expect(meta.format).toBe({ avif: 'heif', webp: 'webp', jpg: 'jpeg' }[m![3]!]);
    }
  });

  it('writes product JSON that validates, with srcset, sources, alt and credit', async () => {
    const p = await product('SKU-1');
    expect(p).toMatchObject({ sku: 'SKU-1', name: 'Linen shirt' });
    const [main, side] = p.images;
    expect(main).toMatchObject({
      role: 'main',
      position: 1,
      width: 1000,
      height: 700,
      alt: 'Linen shirt, main image',
      credit: 'Photo: Studio K',
      licenceEnd: null,
      sizes: '(min-width: 1024px) 50vw, 100vw',
    });
    expect(main!.src).toMatch(/^\/media\/[0-9a-f]{16}-1000\.jpg$/);
    expect(main!.srcset).toMatch(/-480\.jpg 480w, \/media\/.*-960\.jpg 960w, .*-1000\.jpg 1000w$/);
    expect(main!.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    expect(main!.placeholder).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/); // ThumbHash;
    expect(side).toMatchObject({ role: 'gallery', width: 600, height: 600 });
    for (const u of urls(p)) await expect(stat(join(out, u))).resolves.toBeTruthy();
    const idx = await index();
    expect(idx.products.map((e) => e.sku)).toEqual(['../x', 'BLOCKED', 'CON', 'SKU-1', '👕 shirt']);
    expect(idx.products.find((e) => e.sku === 'SKU-1')?.main).toBe(main!.src);
  });

  it('publishes the 3D model as GLB and USDZ and the manual, content-named', async () => {
    const p = await product('SKU-1');
    expect(p.models).toEqual([
      expect.objectContaining({
        role: 'model',
        glb: expect.stringMatching(/^\/media\/[0-9a-f]{16}\.glb$/) as string,
        usdz: expect.stringMatching(/^\/media\/[0-9a-f]{16}\.usdz$/) as string,
      }),
    ]);
    expect(p.models[0]!.triangles).toBeGreaterThan(0);
    expect(p.documents).toEqual([
      expect.objectContaining({
        role: 'document',
        mime: 'application/pdf',
        src: expect.stringMatching(/^\/media\/[0-9a-f]{16}\.pdf$/) as string,
      }),
    ]);
    expect((await stat(join(out, p.documents[0]!.src))).size).toBe(quickStartPdf().length);
  });

  it('publishes a spin as its frames, content-named, without the frame rights block', async () => {
    const [spin] = (await product('SKU-1')).spins;
    expect(spin).toMatchObject({ role: 'spin', position: 1, width: 400, height: 400 });
    expect(spin!.frames).toHaveLength(2);
    for (const f of spin!.frames) {
      expect(f).toMatch(/^\/media\/[0-9a-f]{16}-400\.jpg$/);
      expect((await sharp(join(out, f)).metadata()).width).toBe(400);
    }
  });

  it.skipIf(!hasFfmpeg)('publishes a linked video with its content-named poster', async () => {
    const [video] = (await product('SKU-1')).videos;
    expect(video).toMatchObject({ role: 'video', position: 1, mime: 'video/mp4', width: 320 });
    expect(video!.src).toMatch(/^\/media\/[0-9a-f]{16}\.mp4$/);
    expect(video!.poster).toMatch(/^\/media\/[0-9a-f]{16}-320\.jpg$/);
    expect(video!.durationMs).toBeGreaterThan(500);
    expect((await sharp(join(out, video!.poster!)).metadata()).width).toBe(320);
  });

  it('leaves a rights-blocked asset out, and a product whose main is blocked says so', async () => {
    const p = await product('SKU-1');
    expect(p.images).toHaveLength(2);
    expect(p.withheld).toEqual([{ role: 'gallery', position: 3, reason: 'rights' }]);
    const blocked = await product('BLOCKED');
    expect(blocked.images).toEqual([]);
    expect(blocked.withheld).toEqual([{ role: 'main', position: 1, reason: 'rights' }]);
    expect((await index()).products.find((e) => e.sku === 'BLOCKED')?.main).toBeNull();
    expect(first.errors.filter((e) => e.reason.startsWith('blocked')).length).toBeGreaterThan(0);
  });

  it('writes _headers: media immutable, JSON revalidated', async () => {
    const text = await readFile(join(out, '_headers'), 'utf8');
    expect(text).toContain(
      '/media/*\n  Cache-Control: public, max-age=31536000, immutable\n  Access-Control-Allow-Origin: *\n',
    );
    expect(text).toContain('/products/*\n  Cache-Control: public, max-age=60, must-revalidate\n');
    expect(text).toContain('/index.json\n  Cache-Control: public, max-age=60, must-revalidate\n');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<p>mine</p>');
  });

  it('gives hostile SKUs safe file names and keeps the SKU exactly inside', async () => {
    for (const sku of HOSTILE) {
      const entry = (await index()).products.find((e) => e.sku === sku)!;
      expect(entry.json).toMatch(/^products\/[A-Za-z0-9_][A-Za-z0-9._-]*-[0-9a-f]{8}\.json$/);
      expect((await product(sku)).sku).toBe(sku);
    }
    expect((await index()).products.find((e) => e.sku === 'SKU-1')?.json).toBe(
      'products/SKU-1.json',
    );
  });

  it('re-exports with nothing changed: renders nothing, rewrites no file', async () => {
    const before = await snapshot();
    const again = await run();
    expect(again).toMatchObject({ rendered: 0, removed: 0, failed: 0 });
    const after = await snapshot();
    // manifest.json is rewritten while the pack has errors to report (the rights block).
    before.delete('manifest.json');
    after.delete('manifest.json');
    expect(after).toEqual(before);
  });

  it('a scoped run keeps the other products and their media', async () => {
    const before = await media();
    const scoped = await run('sku:BLOCKED');
    expect(scoped).toMatchObject({ rendered: 0, removed: 0 });
    expect(await media()).toEqual(before);
    expect((await index()).products).toHaveLength(5);
  });

  it('a changed source gets new names; the old ones go only once the JSON points at the new', async () => {
    const old = (await product('SKU-1')).images[0]!;
    const hash = (await h.byName('main.jpg')).hash;
    await writeFile(join(catalog, 'main.jpg'), await makeImage(1000, 700, 'jpeg', 9));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    await eventually(async () => (await h.byName('main.jpg')).hash !== hash, 'main.jpg re-hashed');
    // The product file cannot be written (a full disk): the new media landed, but nothing
    // was removed, so the old product file still points at files that are all there.
    writeFaults.fail = (target) => target.endsWith('SKU-1.json');
    try {
      expect(await run()).toMatchObject({ state: 'failed' });
    } finally {
      writeFaults.fail = null;
    }
    expect((await product('SKU-1')).images[0]!.src).toBe(old.src);
    for (const u of urls(await product('SKU-1')))
      await expect(stat(join(out, u))).resolves.toBeTruthy();
    const changed = await run();
    expect(changed).toMatchObject({
      rendered: 0,
      unchanged: 20 + 2 * POSTERS,
      removed: 9,
      failed: 0,
    });
    const now = (await product('SKU-1')).images[0]!;
    expect(now.src).not.toBe(old.src);
    const files = await media();
    expect(files).toHaveLength(15 + POSTERS + SPIN_FRAMES);
    for (const u of urls(await product('SKU-1')))
      await expect(stat(join(out, u))).resolves.toBeTruthy();
    expect(files).not.toContain(old.src.slice('/media/'.length));
  });

  it('never overwrites a file the user changed: an edited _headers is left and reported', async () => {
    const mine = `${await readFile(join(out, '_headers'), 'utf8')}/*\n  X-Frame-Options: DENY\n`;
    await writeFile(join(out, '_headers'), mine);
    const again = await run();
    expect(again.errors.find((e) => e.file === '_headers')?.reason).toMatch(
      /not written by Packshot/,
    );
    expect(await readFile(join(out, '_headers'), 'utf8')).toBe(mine);
    expect(again).toMatchObject({ rendered: 0, removed: 0 });
  });
});
