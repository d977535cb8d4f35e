// /api/v1/ end to end: a real engine, real product shots, a real bridge; every answer
// (errors included) validated against the document as the bridge serves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../../../shared/api-v1/generated/openapi-types';
import { startApiWorld, SKU, VARIANT_SKU, type ApiWorld } from './api-test-world';
import { responseValidator, type ResponseValidator } from './openapi-validator';

type S = components['schemas'];
type Failure = S['Error'];

let w: ApiWorld;
let check: ResponseValidator;

interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

async function get(path: string, auth: 'bearer' | 'none' = 'bearer'): Promise<Reply> {
  const headers: Record<string, string> =
    auth === 'bearer' ? { authorization: `Bearer ${w.bridge.token}` } : {};
  const res = await fetch(`${w.base}${path}`, { headers });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    headers: res.headers,
    body: json ? (JSON.parse(text) as unknown) : text,
  };
}

/** GETs `path` and checks the answer's status and its body against route `route` in the document. */
async function expectAnswer<T = Failure>(path: string, route: string, status: number): Promise<T> {
  const reply = await get(path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(check.errors(route, status, reply.body)).toEqual([]);
  return reply.body as T;
}

beforeAll(async () => {
  w = await startApiWorld();
  const doc = await get('/api/v1/openapi.json', 'none');
  expect(doc.status).toBe(200);
  check = responseValidator(doc.body);
});

afterAll(async () => {
  await w.dispose();
});

describe('the document and its page', () => {
  it('serves the OpenAPI 3.1 document without credentials, every route in it', async () => {
    const { body } = await get('/api/v1/openapi.json', 'none');
    const doc = body as {
      openapi: string;
      paths: Record<string, { get: { description: string; responses: object } }>;
      components: { securitySchemes: object };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/products',
        '/products/{sku}',
        '/products/{sku}/media',
        '/assets',
        '/assets/{id}',
        '/collections',
        '/collections/{id}/assets',
        '/render/{assetId}/{transform}.{ext}',
      ]),
    );
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer', 'signedUrl']);
    const render = doc.paths['/render/{assetId}/{transform}.{ext}']!.get;
    expect(Object.keys(render.responses)).toEqual(
      expect.arrayContaining(['200', '304', '400', '401', '403', '404', '415', '429', '451']),
    );
    expect(render.description).toContain('f_auto');
    expect(render.description).toContain('p_<presetId>');
  });

  it('the validator refuses what the document does not promise', () => {
    expect(
      check.errors('/products', 200, { total: -1, offset: 0, limit: 1, items: [] }),
    ).not.toEqual([]);
    expect(
      check.errors('/products', 200, { total: 0, offset: 0, limit: 1, items: [], extra: 1 }),
    ).not.toEqual([]);
    expect(
      check.errors('/products/{sku}', 404, { error: { code: 'nope', message: '' } }),
    ).not.toEqual([]);
    expect(check.errors('/products', 200, { total: 0, offset: 0, limit: 1, items: [] })).toEqual(
      [],
    );
  });

  it('serves Swagger UI offline, with its own strict policy and no inline script', async () => {
    const page = await get('/api/v1/docs', 'none');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    const html = page.body as string;
    expect(html).not.toMatch(/<script>[^<]/);
    for (const src of html.match(/(?:src|href)="([^"]+)"/g) ?? []) {
      const path = /"([^"]+)"/.exec(src)![1]!;
      const file = await get(path, 'none');
      expect(file.status, path).toBe(200);
    }
    expect((await get('/api/v1/docs/initializer.js', 'none')).body).toContain(
      '/api/v1/openapi.json',
    );
    expect((await get('/api/v1/docs/../../api/v1/products', 'none')).status).toBe(401);
  });
});

describe('access', () => {
  it('refuses a request without a token (401, the error body) and takes the session token as Bearer', async () => {
    const none = await get('/api/v1/products', 'none');
    expect(none.status).toBe(401);
    expect(check.errors('/products', 401, none.body)).toEqual([]);
    await expectAnswer('/api/v1/products', '/products', 200);
    // A signed URL's parameters are the access check's, never refused as unknown by a route.
    await expectAnswer('/api/v1/products?expires=1&key=k&sig=s', '/products', 200);
  });
});

describe('products', () => {
  it('lists a page with total, and filters by words and channel', async () => {
    const all = await expectAnswer<S['ProductPage']>('/api/v1/products', '/products', 200);
    expect(all).toMatchObject({ total: 2, offset: 0, limit: 50 });
    expect(all.items.map((p) => p.sku)).toEqual([SKU, VARIANT_SKU]);
    const amazon = await expectAnswer<S['ProductPage']>(
      '/api/v1/products?channel=amazon',
      '/products',
      200,
    );
    expect(amazon.items.map((p) => p.sku)).toEqual([SKU]);
    const paged = await expectAnswer<S['ProductPage']>(
      '/api/v1/products?offset=1&limit=1',
      '/products',
      200,
    );
    expect(paged).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(paged.items.map((p) => p.sku)).toEqual([VARIANT_SKU]);
    const words = await expectAnswer<S['ProductPage']>(
      '/api/v1/products?query=42',
      '/products',
      200,
    );
    expect(words.items.map((p) => p.sku)).toEqual([VARIANT_SKU]);
  });

  it('refuses bad and unknown parameters with 400 and the fields', async () => {
    for (const q of [
      'limit=501',
      'limit=0',
      'offset=-1',
      'limit=ten',
      'sort=name',
      'channel=Not%20One',
      'limit=1&limit=2',
    ]) {
      const reply = await get(`/api/v1/products?${q}`);
      expect(reply.status, q).toBe(400);
      expect(check.errors('/products', 400, reply.body)).toEqual([]);
      expect((reply.body as Failure).error.code).toBe('invalid_argument');
    }
    const reply = await get('/api/v1/products?limit=501');
    expect((reply.body as Failure).error.reasons).toEqual([
      expect.objectContaining({ field: 'query.limit' }),
    ]);
  });

  it('finds a product by its URL-encoded SKU, with variants and media; 404 for an unknown SKU', async () => {
    const p = await expectAnswer<S['Product']>(
      `/api/v1/products/${encodeURIComponent(SKU)}`,
      '/products/{sku}',
      200,
    );
    expect(p).toMatchObject({
      sku: SKU,
      attributes: { color: 'red' },
      channels: ['shopify', 'amazon'],
    });
    expect(p.variants.map((v) => v.sku)).toEqual([VARIANT_SKU]);
    expect(p.media.map((m) => [m.assetId, m.role, m.position])).toEqual([
      [w.id['main.jpg'], 'main', 0],
      [w.id['side.jpg'], 'gallery', 0],
      [w.id['cutout.png'], 'gallery', 1],
      [w.id['clip.mp4'], 'video', 0],
    ]);
    const variant = await expectAnswer<S['Product']>(
      `/api/v1/products/${encodeURIComponent(VARIANT_SKU)}`,
      '/products/{sku}',
      200,
    );
    expect(variant).toMatchObject({ sku: VARIANT_SKU, parentSku: SKU });
    await expectAnswer('/api/v1/products/SHOE-', '/products/{sku}', 404);
    await expectAnswer('/api/v1/products/NOPE/media', '/products/{sku}/media', 404);
  });
});

describe("a product's media", () => {
  it('lists them in board order with alt, credit, licence end, size, placeholder and render URLs', async () => {
    const media = await expectAnswer<S['ProductMedia']>(
      `/api/v1/products/${SKU}/media`,
      '/products/{sku}/media',
      200,
    );
    expect(media.withheld).toEqual([]);
    const [main, side, cutout, clip] = media.items;
    if (!main) throw new Error('no main image');
    expect(media.items.map((m) => m.assetId)).toEqual([
      w.id['main.jpg'],
      w.id['side.jpg'],
      w.id['cutout.png'],
      w.id['clip.mp4'],
    ]);
    expect(main).toMatchObject({
      kind: 'image',
      role: 'main',
      alt: 'Trail runner, main image',
      credit: null,
      width: 1000,
      height: 800,
      mime: 'image/jpeg',
      poster: null,
      file: null,
    });
    expect(main.placeholder).toEqual(expect.any(String));
    // Signed for the caller, as an <img src> sends no Authorization header.
    expect(main.src).toMatch(
      new RegExp(
        `^/api/v1/render/${main.assetId}/w_1000,c_fit,f_auto\\.jpg\\?v=${main.contentVersion}&expires=\\d+&key=_session&sig=[\\w-]{43}$`,
      ),
    );
    expect(main.srcset?.split(', ').map((s) => s.split(' ')[1])).toEqual([
      '320w',
      '640w',
      '960w',
      '1000w',
    ]);
    expect(side).toMatchObject({
      alt: 'Trail runner, image',
      credit: 'Photo: Studio North',
      licenceEnd: '2099-12-31',
    });
    expect(cutout).toMatchObject({ alt: 'Trail runner, image 2', mime: 'image/png', position: 1 });
    const v = clip?.contentVersion;
    expect(clip).toMatchObject({
      kind: 'video',
      alt: 'Trail runner, video',
      mime: 'video/mp4',
      src: null,
      srcset: null,
    });
    const at = `^/api/v1/assets/${w.id['clip.mp4']}/media`;
    expect(clip?.poster).toMatch(
      new RegExp(`${at}/poster\\?v=${v}&expires=\\d+&key=_session&sig=`),
    );
    expect(clip?.file).toMatch(new RegExp(`${at}/file\\?v=${v}&expires=\\d+&key=_session&sig=`));
  });

  it('withholds what the rights block on the channel asked for, with the reasons', async () => {
    const amazon = await expectAnswer<S['ProductMedia']>(
      `/api/v1/products/${SKU}/media?channel=amazon`,
      '/products/{sku}/media',
      200,
    );
    expect(amazon.items.map((m) => m.assetId)).toEqual([
      w.id['main.jpg'],
      w.id['cutout.png'],
      w.id['clip.mp4'],
    ]);
    expect(amazon.withheld.map((h) => h.assetId)).toEqual([w.id['side.jpg']]);
    expect(amazon.withheld[0]?.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'licence.channel', level: 'block' }),
      ]),
    );
    expect(amazon.items[0]?.src).toContain('&channel=amazon');
    const shopify = await expectAnswer<S['ProductMedia']>(
      `/api/v1/products/${SKU}/media?channel=shopify`,
      '/products/{sku}/media',
      200,
    );
    expect(shopify.items).toHaveLength(4);
  });
});

describe('assets and collections', () => {
  it('searches with the search language, pages, and refuses a query that does not parse', async () => {
    const found = await expectAnswer<S['AssetPage']>('/api/v1/assets?q=format:png', '/assets', 200);
    expect(found.items.map((a) => a.name)).toEqual(['cutout.png']);
    const all = await expectAnswer<S['AssetPage']>('/api/v1/assets?limit=2', '/assets', 200);
    expect(all).toMatchObject({ total: 4, limit: 2 });
    expect(all.items).toHaveLength(2);
    const bad = await expectAnswer('/api/v1/assets?q=%22open', '/assets', 400);
    expect(bad.error.message).toMatch(/quote/);
  });

  it("gives an asset's facts and versions; 451 with reasons when the channel is blocked", async () => {
    const side = w.id['side.jpg']!;
    const a = await expectAnswer<S['Asset']>(`/api/v1/assets/${side}`, '/assets/{id}', 200);
    expect(a).toMatchObject({
      id: side,
      name: 'side.jpg',
      kind: 'image',
      width: 900,
      height: 700,
      rights: null,
    });
    expect(a.versions).toEqual([
      expect.objectContaining({ n: 1, current: true, contentVersion: a.contentVersion }),
    ]);
    const ok = await expectAnswer<S['Asset']>(
      `/api/v1/assets/${side}?channel=shopify`,
      '/assets/{id}',
      200,
    );
    // Allowed on shopify; the licence's required credit is a warning carried with it.
    expect(ok.rights).toMatchObject({
      channel: 'shopify',
      verdict: 'warn',
      reasons: [expect.objectContaining({ code: 'licence.credit', level: 'warn' })],
    });
    const blocked = await expectAnswer(
      `/api/v1/assets/${side}?channel=amazon`,
      '/assets/{id}',
      451,
    );
    expect(blocked.error).toMatchObject({ code: 'rights_blocked' });
    expect(blocked.error.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'licence.channel', level: 'block' }),
      ]),
    );
    await expectAnswer('/api/v1/assets/999999', '/assets/{id}', 404);
    await expectAnswer('/api/v1/assets/abc', '/assets/{id}', 400);
  });

  it("lists collections and a collection's assets in its own order; 404 for an unknown one", async () => {
    const list = await expectAnswer<S['CollectionList']>(
      '/api/v1/collections',
      '/collections',
      200,
    );
    expect(list.items).toEqual([
      expect.objectContaining({ id: w.collectionId, name: 'Picks', kind: 'manual', count: 2 }),
    ]);
    const page = await expectAnswer<S['AssetPage']>(
      `/api/v1/collections/${w.collectionId}/assets`,
      '/collections/{id}/assets',
      200,
    );
    expect(page.items.map((a) => a.name)).toEqual(['cutout.png', 'main.jpg']);
    await expectAnswer('/api/v1/collections/4242/assets', '/collections/{id}/assets', 404);
    await expectAnswer('/api/v1/collections?limit=1', '/collections', 400);
  });

  it("serves a poster by the asset's content, immutable when ?v names it", async () => {
    const a = await expectAnswer<S['Asset']>(
      `/api/v1/assets/${w.id['main.jpg']}`,
      '/assets/{id}',
      200,
    );
    const res = await fetch(`${w.base}/api/v1/assets/${a.id}/media/poster?v=${a.contentVersion}`, {
      headers: { authorization: `Bearer ${w.bridge.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    // A still has no file of its own to serve here (renditions are the render route's).
    await expectAnswer(`/api/v1/assets/${a.id}/media/file`, '/assets/{id}/media/{which}', 404);
  });

  it('answers 404 with the error body for an unknown endpoint, and 405 for a write', async () => {
    expect((await get('/api/v1/nothing')).status).toBe(404);
    const post = await fetch(`${w.base}/api/v1/products`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
