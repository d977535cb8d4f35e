// A video over the HTTP bridge: its scrub strip made on first ask, its file served with
// byte ranges (206) for the <video> to seek, only for registered content and with the token.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRUB_FRAMES } from '../../../shared/bridge';
import type { AssetPage } from '../../../shared/dto';
import { createEngine, type Engine } from '../../engine/create-engine';
import { invoke } from '../dispatch';
import { tempDir } from '../../test-support/sample-images';
import { makeClip } from '../../test-support/sample-videos';
import { planMediaReply } from '../media/media-range';
import { mediaResponse } from '../media/media-response';
import { startBridge, type Bridge } from './bridge-server';

let dataDir: string;
let folder: string;
let engine: Engine;
let bridge: Bridge;
let hash: string;
let clip: Buffer;

beforeAll(async () => {
  dataDir = await tempDir('video-bridge-data');
  folder = await tempDir('video-bridge-clips');
  const rendererDir = await tempDir('video-bridge-ui');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Packshot</title>');
  // 320×240 turned a quarter: shown 240×320, so strip frames are 180×240.
  await makeClip(join(folder, 'clip.mp4'), { seconds: 2, rotate: 90 });
  clip = await readFile(join(folder, 'clip.mp4'));
  engine = createEngine({ dataDir, concurrency: 2 });
  bridge = await startBridge({ engine, rendererDir, port: 0 });
  await invoke(engine.handlers, 'catalogs.add', { path: folder });
  await invoke(engine.handlers, 'jobs.wait', {});
  const page: AssetPage = await invoke(engine.handlers, 'assets.list', { limit: 10 });
  hash = page.items[0]?.hash ?? '';
}, 60_000);

afterAll(async () => {
  await bridge.close();
  await engine.close();
  for (const dir of [dataDir, folder]) await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const auth = (): Record<string, string> => ({ 'x-packshot-token': bridge.token });

describe('video media over the bridge', () => {
  it('answers the scrub strip: SCRUB_FRAMES frames of the shown shape side by side', async () => {
    const strip = await get(`/media/strip/${hash}`, auth());
    expect(strip.status).toBe(200);
    expect(strip.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(strip.body).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({
      width: 180 * SCRUB_FRAMES,
      height: 240,
    });
    // Made once: a second ask reads the cache.
    expect(engine.resolveMedia('strip', hash)).not.toBeNull();
  });

  it('serves the file whole, and one byte range as 206 with exactly those bytes', async () => {
    const whole = await get(`/media/video/${hash}`, auth());
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(clip)).toBe(true);

    const part = await get(`/media/video/${hash}`, { ...auth(), range: 'bytes=100-1099' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1099/${clip.length}`);
    expect(part.body.equals(clip.subarray(100, 1100))).toBe(true);

    const tail = await get(`/media/video/${hash}`, { ...auth(), range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(clip.subarray(clip.length - 10))).toBe(true);

    const beyond = await get(`/media/video/${hash}`, { ...auth(), range: `bytes=${clip.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${clip.length}`);
  });

  it('serves nothing without the token, nor for content no video asset has', async () => {
    expect((await get(`/media/video/${hash}`)).status).toBe(401);
    expect((await get(`/media/strip/${hash}`)).status).toBe(401);
    expect((await get(`/media/video/${'0'.repeat(64)}`, auth())).status).toBe(404);
    expect((await get(`/media/strip/${'0'.repeat(64)}`, auth())).status).toBe(404);
    expect((await get(`/media/video/${hash}-${hash}`, auth())).status).toBe(404);
  });
});

describe('planMediaReply', () => {
  it('reads open, closed and suffix ranges, and answers the whole file for what it does not', () => {
    expect(planMediaReply('a.mp4', 1000, 'bytes=0-')).toMatchObject({
      status: 206,
      start: 0,
      end: 999,
    });
    expect(planMediaReply('a.mp4', 1000, 'bytes=990-2000')).toMatchObject({
      status: 206,
      start: 990,
      end: 999,
    });
    expect(planMediaReply('a.mp4', 1000, 'bytes=-2000')).toMatchObject({
      status: 206,
      start: 0,
      end: 999,
    });
    expect(planMediaReply('a.mp4', 1000, 'bytes=0-1,5-6')).toMatchObject({ status: 200, end: 999 });
    expect(planMediaReply('a.mp4', 1000, 'items=0-1')).toMatchObject({ status: 200 });
    expect(planMediaReply('a.mp4', 1000, 'bytes=5-4')).toMatchObject({ status: 416 });
    expect(planMediaReply('a.mov', 0, undefined)).toMatchObject({
      status: 200,
      headers: { 'content-type': 'video/quicktime' },
    });
  });
});

describe("the desktop app's media response (same plan)", () => {
  it('answers a range with 206 and exactly those bytes', async () => {
    const file = join(folder, 'clip.mp4');
    const part = await mediaResponse(file, 'bytes=10-19', { 'cache-control': 'no-cache' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${clip.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(clip.subarray(10, 20))).toBe(true);
    expect((await mediaResponse(join(folder, 'gone.mp4'), null, {})).status).toBe(404);
  });
});
