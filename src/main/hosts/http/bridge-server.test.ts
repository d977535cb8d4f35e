// Contract tests: the engine driven through the HTTP bridge, as the renderer drives it.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AssetPage, Catalog } from '../../../shared/dto';
import type { VersionCompare } from '../../../shared/version-dto';
import { createEngine, type Engine } from '../../engine/create-engine';
import {
  assetPageSchema,
  catalogSchema,
  preflightReportSchema,
  productPageSchema,
} from '../../test-support/result-schemas';
import { makeImage, makeSampleFolder, tempDir } from '../../test-support/sample-images';
import { startBridge, type Bridge } from './bridge-server';

let dataDir: string;
let photosDir: string;
let rendererDir: string;
let engine: Engine;
let bridge: Bridge;

beforeEach(async () => {
  dataDir = await tempDir('bridge-data');
  photosDir = await tempDir('bridge-photos');
  rendererDir = await tempDir('bridge-ui');
  await makeSampleFolder(photosDir);
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Packshot</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("ui")');
  engine = createEngine({ dataDir, concurrency: 2 });
  bridge = await startBridge({ engine, rendererDir, port: 0 });
});

afterEach(async () => {
  await bridge.close();
  await engine.close();
  for (const dir of [dataDir, photosDir, rendererDir])
    await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function api<T>(
  method: string,
  args: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  json: { ok: boolean; result?: T; error?: { code: string; message: string } };
}> {
  const reply = await send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-packshot-token': bridge.token, ...headers },
    body: JSON.stringify(args),
  });
  return { status: reply.status, json: JSON.parse(reply.body) as never };
}

/** A call's result, checked against the schema of what the contract says it returns. */
async function checked<S extends z.ZodType>(method: string, args: unknown, schema: S) {
  const reply = await api(method, args);
  expect(reply.json.error, method).toBeUndefined();
  const parsed = schema.safeParse(reply.json.result);
  expect(parsed.error?.issues, `${method}'s result`).toBeUndefined();
  return parsed.data as z.output<S>;
}

describe('HTTP bridge', () => {
  it('listens on loopback only and prints a tokened URL', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it('serves the page only with the token, then authenticates by cookie', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
    const page = await send(`/?token=${bridge.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toMatch(/^packshot_token=/);
    expect((await send('/assets/app.js')).status).toBe(401);
    expect((await send('/assets/app.js', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses API calls without the token header, from another origin or host', async () => {
    expect((await api('catalogs.list', {}, { 'x-packshot-token': '' })).status).toBe(401);
    expect((await api('catalogs.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('catalogs.list', {}, { host: `evil.example:${bridge.port}` })).status).toBe(
      403,
    );
    expect((await api('catalogs.list', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (await api('catalogs.list', {}, { origin: `http://127.0.0.1:${bridge.port}` })).status,
    ).toBe(200);
  });

  it('validates arguments and answers with typed error codes', async () => {
    const bad = await api('catalogs.add', { path: 42 });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('invalid_argument');
    expect(bad.json.error?.message).toMatch(/path/);
    expect((await api('catalogs.add', { path: '/x', extra: true })).status).toBe(400);
    expect((await api('no.such', {})).json.error?.code).toBe('not_found');
    expect((await api('assets.get', { id: 999 })).status).toBe(404);
    const notJson = await send('/api/catalogs.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-packshot-token': bridge.token },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses a query that does not parse with one answer, whichever method took it', async () => {
    const query = 'red (shoe';
    const listed = await api('assets.list', { query });
    expect(listed.status).toBe(400);
    expect(listed.json.error).toEqual({
      code: 'invalid_argument',
      message: "This '(' is never closed (at column 5)\n  red (shoe\n      ^",
    });
    const others: [string, object][] = [
      ['exports.check', { channels: ['shopify'], query }],
      ['exports.start', { channels: ['shopify'], out: join(dataDir, 'pack'), query }],
      ['assets.editQuery', { query, rating: 3 }],
      ['tags.applyQuery', { query, path: 'Shoes' }],
      ['collections.save', { name: 'Broken', query }],
    ];
    for (const [method, args] of others) {
      const answer = await api(method, args);
      expect([method, answer.status, answer.json.error]).toEqual([method, 400, listed.json.error]);
    }
  });

  it('refuses paths of files on this machine where the page should send bytes', async () => {
    const drop = await api('links.dropFiles', {
      productId: 1,
      catalogId: 1,
      paths: ['/etc/passwd'],
    });
    expect(drop.status).toBe(400);
    expect(drop.json.error?.message).toMatch(/browser bridge/);
    const csv = await api('products.importPreview', { path: '/home/someone/secret.csv' });
    expect(csv.status).toBe(400);
    // The same method with the file's bytes goes through to the engine.
    const bytes = Buffer.from('sku,name\nA-1,Bag\n').toString('base64');
    const preview = await api<{ headers: string[] }>('products.importPreview', { base64: bytes });
    expect(preview.status).toBe(200);
    expect(preview.json.result?.headers).toEqual(['sku', 'name']);
  });

  it("reports the engine's own time of each call as Server-Timing", async () => {
    const reply = await send('/api/catalogs.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-packshot-token': bridge.token },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['server-timing']).toMatch(/^engine;dur=\d+\.\d{2}, cpu;dur=\d+\.\d{2}$/);
  });

  it('adds a folder, indexes it and serves its thumbnails', async () => {
    const added = await api<Catalog>('catalogs.add', { path: photosDir });
    expect(added.json.result?.path).toBe(photosDir);
    await api('jobs.wait', {});
    const page = await api<AssetPage>('assets.list', { limit: 100 });
    expect(page.json.result?.total).toBe(9);
    const jpeg = page.json.result?.items.find((a) => a.name === 'shoe-front.jpg');
    expect(jpeg).toMatchObject({
      width: 640,
      height: 480,
      format: 'jpeg',
      state: 'ok',
      thumb: 'ready',
    });

    const auth = { 'x-packshot-token': bridge.token };
    const thumb = await send(`/media/thumb/${jpeg?.hash ?? ''}`, { headers: auth });
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await send(`/media/thumb/${'0'.repeat(64)}`, { headers: auth })).status).toBe(404);
  });

  it("serves a version comparison's pixel difference on the media path, and nothing else there", async () => {
    await api('catalogs.add', { path: photosDir });
    await api('jobs.wait', {});
    const page = await api<AssetPage>('assets.list', { limit: 100 });
    const jpeg = page.json.result?.items.find((a) => a.name === 'shoe-front.jpg');
    const drop = join(await tempDir('drop'), 'next.jpg');
    await writeFile(drop, await makeImage(64, 48, 'jpeg', 5));
    expect((await api('versions.replace', { id: jpeg?.id, path: drop })).status).toBe(200);
    const compared = await api<VersionCompare>('versions.compare', { id: jpeg?.id, a: 1, b: 2 });
    const key = compared.json.result?.diff.key ?? '';
    expect(key).toMatch(/^[0-9a-f]{64}-[0-9a-f]{64}$/);

    const auth = { 'x-packshot-token': bridge.token };
    const diff = await send(`/media/diff/${key}`, { headers: auth });
    expect(diff.status).toBe(200);
    expect(diff.headers['content-type']).toBe('image/png');
    expect((await send(`/media/diff/${key}`)).status).toBe(401); // the token, as for thumbnails
    for (const bad of [`${key.slice(0, 64)}-${'0'.repeat(64)}`, key.slice(0, 64), `${key}-`])
      expect((await send(`/media/diff/${bad}`, { headers: auth })).status, bad).toBe(404);
    expect((await send(`/media/other/${key.slice(0, 64)}`, { headers: auth })).status).toBe(404);
  });

  it('answers the core list methods in the shapes the contract declares', async () => {
    await api('catalogs.add', { path: photosDir });
    await api('jobs.wait', {});
    const catalogs = await checked('catalogs.list', {}, catalogSchema.array());
    expect(catalogs.map((c) => c.assetCount)).toEqual([9]);
    const page = await checked('assets.list', { limit: 100 }, assetPageSchema);
    expect(page.items).toHaveLength(9);
    const jpeg = page.items.find((a) => a.name === 'shoe-front.jpg');

    const product = await api<{ id: number }>('products.create', {
      sku: 'SHOE-1',
      channels: ['amazon'],
    });
    await api('links.add', {
      productId: product.json.result?.id,
      assetIds: [jpeg?.id],
      role: 'main',
    });
    const products = await checked('products.list', {}, productPageSchema);
    expect(products.items.map((p) => [p.sku, p.linkCount])).toEqual([['SHOE-1', 1]]);
    const report = await checked('exports.check', { channels: ['amazon'] }, preflightReportSchema);
    expect(report.items.some((i) => i.assetId === jpeg?.id)).toBe(true);
  });

  it('never serves a file outside the UI folder', async () => {
    const auth = { 'x-packshot-token': bridge.token };
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const reply = await send(path, { headers: auth });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('root:');
    }
  });

  it('streams engine events to the page', async () => {
    const page = await send(`/?token=${bridge.token}`);
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { cookie } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: jobs.progress')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    await api('catalogs.add', { path: photosDir });
    const text = await received;
    expect(text).toMatch(/event: jobs\.progress\ndata: \{.*"total":\d+/);
  });
});
