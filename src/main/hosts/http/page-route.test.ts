// The loupe's page viewer over the HTTP bridge: `/media/page/<hash>/<n>?w=<width>` paints a
// registered document's page as a PNG of that width, keeps it in the media cache, and
// answers 404 for anything else.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../dispatch';
import { createEngine, type Engine } from '../../engine/create-engine';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { quickStartPdf } from '../../test-support/sample-pdfs';
import { startBridge, type Bridge } from './bridge-server';

let dataDir: string;
let docsDir: string;
let rendererDir: string;
let engine: Engine;
let bridge: Bridge;
let pdfHash: string;
let jpegHash: string;

beforeAll(async () => {
  dataDir = await tempDir('page-data');
  docsDir = await tempDir('page-docs');
  rendererDir = await tempDir('page-ui');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Packshot</title>');
  await writeFile(join(docsDir, 'manual.pdf'), quickStartPdf());
  await writeFile(join(docsDir, 'shoe.jpg'), await makeImage(64, 48, 'jpeg', 1));
  engine = createEngine({ dataDir, concurrency: 2 });
  await invoke(engine.handlers, 'catalogs.add', { path: docsDir });
  await invoke(engine.handlers, 'jobs.wait', {});
  const items = (await invoke(engine.handlers, 'assets.list', { limit: 10 })).items;
  pdfHash = items.find((a) => a.name === 'manual.pdf')?.hash ?? '';
  jpegHash = items.find((a) => a.name === 'shoe.jpg')?.hash ?? '';
  bridge = await startBridge({ engine, rendererDir, port: 0 });
}, 120_000);

afterAll(async () => {
  await bridge.close();
  await engine.close();
  for (const dir of [dataDir, docsDir, rendererDir])
    await rm(dir, { recursive: true, force: true });
});

function get(path: string, token = true): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = token ? { 'x-packshot-token': bridge.token } : {};
    const req = request({ host: '127.0.0.1', port: bridge.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('page route', () => {
  it('answers a PNG of the width asked, and paints it once', async () => {
    expect(pdfHash).toMatch(/^[0-9a-f]{64}$/);
    const page = await get(`/media/page/${pdfHash}/2?w=400`);
    expect(page).toMatchObject({ status: 200, type: 'image/png' });
    expect(await sharp(page.body).metadata()).toMatchObject({ width: 400, height: 518 });
    const painted = engine.resolveMedia('page', `${pdfHash}-2-400`);
    expect(painted).not.toBeNull();
    const again = await get(`/media/page/${pdfHash}/2?w=400`);
    expect(again.body.equals(page.body)).toBe(true);
    const wide = await get(`/media/page/${pdfHash}/1?w=1000`);
    expect(await sharp(wide.body).metadata()).toMatchObject({ width: 1000 });
  });

  it('refuses what is not a registered document page', async () => {
    expect((await get(`/media/page/${pdfHash}/1?w=400`, false)).status).toBe(401);
    for (const path of [
      `/media/page/${pdfHash}/3?w=400`, // the manual has two pages
      `/media/page/${pdfHash}/0?w=400`,
      `/media/page/${pdfHash}/1?w=5000`,
      `/media/page/${pdfHash}/1?w=8`,
      `/media/page/${pdfHash}/1?w=1.5`,
      `/media/page/${pdfHash}/1`,
      `/media/page/${pdfHash}/../1?w=400`,
      `/media/page/${'0'.repeat(64)}/1?w=400`, // no such content
      `/media/page/${jpegHash}/1?w=400`, // a photo is not a document
    ])
      expect((await get(path)).status, path).toBe(404);
  });
});
