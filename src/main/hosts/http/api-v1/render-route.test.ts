// Renditions by URL through the real bridge and engine, on real images: each transform
// parameter applied, f_auto, ETags and caching, single flight, rights, and refusals.
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../engine/create-engine';
import { invoke } from '../../../hosts/dispatch';
import type { MethodArgs, MethodName, MethodResult } from '../../../../shared/contract';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { makePdf } from '../../../test-support/sample-pdfs';
import { startBridge, type Bridge } from '../bridge-server';

let dataDir: string;
let photos: string;
let engine: Engine;
let bridge: Bridge;
const id: Record<string, number> = {};

const call = <M extends MethodName>(m: M, a: MethodArgs<M>): Promise<MethodResult<M>> =>
  invoke(engine.handlers, m, a);

/** Left third red, middle green, right third blue: a crop's position shows in its colour. */
async function bands(width: number, height: number): Promise<Buffer> {
  const w = Math.round(width / 3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${w}" height="${height}" fill="#ff0000"/>
    <rect x="${w}" width="${width - 2 * w}" height="${height}" fill="#00ff00"/>
    <rect x="${width - w}" width="${w}" height="${height}" fill="#0000ff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 95 }).toBuffer();
}

beforeAll(async () => {
  dataDir = await tempDir('render-data');
  photos = await tempDir('render-photos');
  await writeFile(join(photos, 'big.jpg'), await makeImage(1200, 800, 'jpeg', 1));
  await writeFile(join(photos, 'bands.jpg'), await bands(1200, 400));
  await writeFile(join(photos, 'other.jpg'), await makeImage(900, 600, 'jpeg', 2));
  await writeFile(join(photos, 'crowd.jpg'), await makeImage(800, 600, 'jpeg', 3));
  await writeFile(join(photos, 'spoilt.jpg'), await makeImage(800, 600, 'jpeg', 4));
  await writeFile(join(photos, 'licensed.jpg'), await makeImage(800, 600, 'jpeg', 5));
  const twin = await makeImage(600, 400, 'jpeg', 6);
  await writeFile(join(photos, 'twin-a.jpg'), twin);
  await writeFile(join(photos, 'twin-b.jpg'), twin);
  await writeFile(join(photos, 'manual.pdf'), makePdf({ pages: [['Manual']] }));
  await writeFile(join(photos, 'clip.mp4'), Buffer.from('not a video'));
  engine = createEngine({ dataDir, concurrency: 2 });
  await engine.ready;
  await call('catalogs.add', { path: photos });
  await call('jobs.wait', {});
  for (const a of (await call('assets.list', { limit: 100 })).items) id[a.name] = a.id;
  bridge = await startBridge({ engine, rendererDir: photos, port: 0 });
});

afterAll(async () => {
  await bridge.close();
  await engine.close();
  for (const dir of [dataDir, photos]) await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method,
        headers: { authorization: `Bearer ${bridge.token}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const render = (name: string, transform: string, query = '', headers = {}): Promise<Reply> =>
  get(`/api/v1/render/${id[name]}/${transform}${query}`, headers);

const errorOf = (r: Reply): { code: string; message: string; reasons?: unknown[] } =>
  (JSON.parse(r.body.toString('utf8')) as { error: { code: string; message: string } }).error;

async function pixel(body: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const near = (a: number[], b: number[]): boolean =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) < 40);

describe('renditions by URL', () => {
  it('applies width, height, fit and fill, and the format by extension', async () => {
    const fit = await render('big.jpg', 'w_300.webp');
    expect(fit.status).toBe(200);
    expect(fit.headers['content-type']).toBe('image/webp');
    expect(fit.body.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(await sharp(fit.body).metadata()).toMatchObject({ width: 300, height: 200 });

    const fill = await render('big.jpg', 'w_200,h_200,c_fill.png');
    expect(fill.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await sharp(fill.body).metadata()).toMatchObject({ width: 200, height: 200 });

    const jpeg = await render('big.jpg', 'h_100,q_50.jpg');
    expect([...jpeg.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await sharp(jpeg.body).metadata()).toMatchObject({ width: 150, height: 100 });
    const better = await render('big.jpg', 'h_100,q_95.jpg');
    expect(better.body.length).toBeGreaterThan(jpeg.body.length);

    const avif = await render('big.jpg', 'w_64,f_avif.avif');
    expect(avif.body.subarray(4, 12).toString('latin1')).toBe('ftypavif');
  });

  it('pads with the background colour (c_pad, b_)', async () => {
    const black = await render('big.jpg', 'w_300,h_300,c_pad,b_black.png');
    expect(await sharp(black.body).metadata()).toMatchObject({ width: 300, height: 300 });
    expect(await pixel(black.body, 150, 5)).toEqual([0, 0, 0]);
    const teal = await render('big.jpg', 'w_300,h_300,c_pad,b_008080.png');
    expect(await pixel(teal.body, 150, 295)).toEqual([0, 128, 128]);
  });

  it('crops to the focal point with g_focal, the middle with g_center', async () => {
    await call('renditions.setFocus', { assetId: id['bands.jpg'] ?? 0, x: 0.05, y: 0.5 });
    const focal = await render('bands.jpg', 'w_100,h_100,c_fill,g_focal.png');
    expect(near(await pixel(focal.body, 50, 50), [255, 0, 0])).toBe(true);
    const centre = await render('bands.jpg', 'w_100,h_100,c_fill,g_center.png');
    expect(near(await pixel(centre.body, 50, 50), [0, 255, 0])).toBe(true);
    await call('renditions.setFocus', { assetId: id['bands.jpg'] ?? 0, x: 0.95, y: 0.5 });
    const moved = await render('bands.jpg', 'w_100,h_100,c_fill,g_focal.png');
    expect(near(await pixel(moved.body, 50, 50), [0, 0, 255])).toBe(true);
  });

  it('follows Accept with f_auto, and says it varies', async () => {
    const avif = await render('big.jpg', 'w_64,f_auto.jpg', '', {
      accept: 'image/avif,image/webp,*/*',
    });
    expect(avif.headers['content-type']).toBe('image/avif');
    expect(avif.headers.vary).toBe('Accept');
    const webp = await render('big.jpg', 'w_64,f_auto.jpg', '', { accept: 'image/webp,*/*' });
    expect(webp.headers['content-type']).toBe('image/webp');
    const jpeg = await render('big.jpg', 'w_64,f_auto.jpg', '', { accept: '*/*' });
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect(new Set([avif, webp, jpeg].map((r) => r.headers.etag)).size).toBe(3);
    expect((await render('big.jpg', 'w_64.jpg')).headers.vary).toBeUndefined();
  });

  it('caches: a miss, then hits for every equivalent URL; 304 by ETag; HEAD', async () => {
    const first = await render('other.jpg', 'w_120,h_80,c_fit,q_80.webp');
    expect(first.headers['x-packshot-render']).toBe('miss');
    const again = await render('other.jpg', 'h_80,w_120.webp');
    expect(again.headers['x-packshot-render']).toBe('hit');
    expect(again.headers['server-timing']).toMatch(/^engine;dur=\d+\.\d{2}$/);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body.equals(first.body)).toBe(true);
    expect(String(first.headers.etag)).toMatch(/^"[0-9a-f]{64}"$/);

    const etag = String(first.headers.etag);
    const notModified = await render('other.jpg', 'w_120,h_80.webp', '', { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const head = await get(`/api/v1/render/${id['other.jpg']}/w_120,h_80.webp`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(first.body.length));
  });

  it('is immutable only with the current content version', async () => {
    const asset = await call('assets.get', { id: id['other.jpg'] ?? 0 });
    const v = (asset.hash ?? '').slice(0, 16);
    const current = await render('other.jpg', 'w_50.jpg', `?v=${v}`);
    expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const stale = await render('other.jpg', 'w_50.jpg', '?v=0123456789abcdef');
    expect(stale.status).toBe(200);
    expect(stale.headers['cache-control']).toBe('private, no-cache');
    expect((await render('other.jpg', 'w_50.jpg')).headers['cache-control']).toBe(
      'private, no-cache',
    );
  });

  it("is cached no longer than its licence's last day", async () => {
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const { id: licence } = await call('licences.create', {
      name: 'Short',
      type: 'royalty-free',
      endsOn: inThreeDays,
    });
    await call('licences.attach', { licenceId: licence, assetIds: [id['twin-a.jpg'] ?? 0] });
    const asset = await call('assets.get', { id: id['twin-a.jpg'] ?? 0 });
    const reply = await render('twin-a.jpg', 'w_40.jpg', `?v=${(asset.hash ?? '').slice(0, 16)}`);
    const maxAge = Number(/max-age=(\d+)/.exec(String(reply.headers['cache-control']))?.[1]);
    // Until the end of that day (UTC): between 3 and 4 days from now.
    expect(maxAge).toBeGreaterThan(3 * 86_400 - 60);
    expect(maxAge).toBeLessThanOrEqual(4 * 86_400);
    expect(reply.headers['cache-control']).toContain('immutable');
  });

  it('renders once for 20 concurrent requests', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => render('crowd.jpg', 'w_333,h_222,c_fill.avif')),
    );
    const kinds = replies.map((r) => r.headers['x-packshot-render']);
    expect(kinds.filter((k) => k === 'miss')).toHaveLength(1);
    expect(kinds.every((k) => k === 'miss' || k === 'joined' || k === 'hit')).toBe(true);
    expect(new Set(replies.map((r) => r.body.toString('base64'))).size).toBe(1);
  });

  it('names a spoilt source in its own answer and goes on', async () => {
    await writeFile(join(photos, 'spoilt.jpg'), Buffer.from('not a jpeg at all, sorry'));
    const bad = await render('spoilt.jpg', 'w_100.jpg');
    expect(bad.status).toBe(415);
    expect(errorOf(bad)).toMatchObject({ code: 'unsupported_media' });
    expect(errorOf(bad).message).toMatch(/asset \d+'s file could not be rendered/);
    expect((await render('big.jpg', 'w_101.jpg')).status).toBe(200);
  });

  it('renders a file changed since indexing under its new content, not its twin', async () => {
    await writeFile(join(photos, 'twin-a.jpg'), await makeImage(300, 300, 'jpeg', 9));
    const changed = await render('twin-a.jpg', 'w_100.png');
    expect(await sharp(changed.body).metadata()).toMatchObject({ width: 100, height: 100 });
    const twin = await render('twin-b.jpg', 'w_100.png');
    expect(twin.headers['x-packshot-render']).toBe('miss');
    expect(await sharp(twin.body).metadata()).toMatchObject({ width: 100, height: 67 });
    expect(twin.headers.etag).not.toBe(changed.headers.etag);
  });

  it('answers 451 with the reasons for a channel the licence does not allow', async () => {
    const { id: licence } = await call('licences.create', {
      name: 'Shop only',
      licensor: 'Studio',
      type: 'royalty-free',
      channels: ['shopify'],
    });
    await call('licences.attach', { licenceId: licence, assetIds: [id['licensed.jpg'] ?? 0] });
    const blocked = await render('licensed.jpg', 'w_100.jpg', '?channel=amazon');
    expect(blocked.status).toBe(451);
    expect(errorOf(blocked)).toMatchObject({
      code: 'rights_blocked',
      reasons: [{ code: 'licence.channel', level: 'block' }],
    });
    const viaPreset = await render('licensed.jpg', 'p_amazon-main,w_100.jpg');
    expect(viaPreset.status).toBe(451);
    expect((await render('licensed.jpg', 'w_100.jpg', '?channel=shopify')).status).toBe(200);
    const clash = await render('licensed.jpg', 'p_amazon-main.jpg', '?channel=shopify');
    expect(errorOf(clash).message).toMatch(/p_amazon-main is for channel amazon, not shopify/);
  });

  it('renders a preset: its box and background', async () => {
    const main = await render('big.jpg', 'p_amazon-main.jpg');
    expect(main.status).toBe(200);
    const meta = await sharp(main.body).metadata();
    expect(meta.width).toBe(meta.height); // amazon-main pads to a square
    const smaller = await render('big.jpg', 'p_amazon-main,w_500,h_500.jpg');
    expect(await sharp(smaller.body).metadata()).toMatchObject({ width: 500, height: 500 });
  });

  it('renders a PDF from its first page', async () => {
    const page = await render('manual.pdf', 'w_200.png');
    expect(page.status).toBe(200);
    const meta = await sharp(page.body).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 200 });
    expect(meta.height).toBe(Math.round((200 * 792) / 612)); // US Letter's shape
  });

  it('refuses what it cannot do with the API error codes', async () => {
    const clip = await render('clip.mp4', 'w_100.jpg');
    expect(clip.status).toBe(415);
    expect(errorOf(clip)).toMatchObject({ code: 'unsupported_media' });
    expect(errorOf(clip).message).toMatch(/is a video: only photos and PDF pages are rendered/);
    for (const [path, message] of [
      ['w_100,w_200.jpg', /given twice/],
      ['w_100,x_1.jpg', /unknown key/],
      ['w_99999.jpg', /1–8192/],
      ['f_webp.jpg', /disagrees/],
      [`${'w_1,'.repeat(80)}w_1.jpg`, /too long|longer/],
      ['w_100,b_transparent.png', /flattened/],
      ['p_no-such-preset.jpg', /no preset/],
    ] as const) {
      const r = await render('big.jpg', path);
      expect(r.status, path).toBe(400);
      expect(errorOf(r).code).toBe('invalid_argument');
      expect(errorOf(r).message).toMatch(message);
    }
    expect((await get('/api/v1/render/999999/w_10.jpg')).status).toBe(404);
    expect((await get(`/api/v1/render/${id['big.jpg']}/w_10.jpg?channel=Bad!`)).status).toBe(400);
    const noToken = await get(`/api/v1/render/${id['big.jpg']}/w_10.jpg`, { authorization: '' });
    expect(noToken.status).toBe(401);
  });
});

describe('the rendition cache budget', () => {
  it('removes the least recently used files past the budget', async () => {
    const dir = await tempDir('render-budget');
    const pics = await tempDir('render-budget-photos');
    await writeFile(join(pics, 'a.jpg'), await makeImage(400, 300, 'jpeg', 7));
    const small = createEngine({ dataDir: dir, concurrency: 2, renditionCacheBytes: 1 });
    try {
      await small.ready;
      await invoke(small.handlers, 'catalogs.add', { path: pics });
      await invoke(small.handlers, 'jobs.wait', {});
      const [asset] = (await invoke(small.handlers, 'assets.list', { limit: 10 })).items;
      const ask = async (w: number): Promise<string> => {
        const t = { ...emptyRequest(asset?.id ?? 0), canonical: `w_${w},f_jpeg` };
        t.transform.width = w;
        const a = await small.rendition(t);
        if (a.kind !== 'file') throw new Error(a.message);
        return a.file;
      };
      const first = await ask(100);
      const second = await ask(120);
      await eventually(async () => !(await exists(first)));
      expect(await exists(second)).toBe(true);
    } finally {
      await small.close();
      await rm(dir, { recursive: true, force: true });
      await rm(pics, { recursive: true, force: true });
    }
  });
});

function emptyRequest(assetId: number): Parameters<Engine['rendition']>[0] {
  return {
    assetId,
    canonical: '',
    transform: {
      width: null,
      height: null,
      crop: null,
      gravity: null,
      background: null,
      quality: null,
      format: 'jpeg',
      preset: null,
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return sharp(path)
    .metadata()
    .then(() => true)
    .catch(() => false);
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(await check()).toBe(true);
}
