// Where the API's parts meet (routes, access, renditions, rights): answers that must agree
// with each other, against a real engine and bridge.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../../../shared/api-v1/generated/openapi-types';
import { writeCubeGlb } from '../../../test-support/sample-models';
import { makePdf } from '../../../test-support/sample-pdfs';
import { tempDir } from '../../../test-support/sample-images';
import { sessionAccess } from './api-access';
import { send } from './access-test-kit';
import { startApiWorld, SKU, type ApiWorld } from './api-test-world';

type S = components['schemas'];

let w: ApiWorld;

beforeAll(async () => {
  w = await startApiWorld();
});

afterAll(async () => {
  await w.dispose();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${w.base}${path}`, {
    headers: { authorization: `Bearer ${w.bridge.token}`, ...headers },
  });
}

describe('rights on a channel', () => {
  it("judge a channel's medium alike in media lists, assets, their files and renditions", async () => {
    // Editorial licences never go to a marketplace: amazon's medium.
    const clip = w.id['clip.mp4']!;
    const cutout = w.id['cutout.png']!;
    await w.h.call('licences.assign', {
      licence: { name: 'Press kit', type: 'editorial' },
      assetIds: [clip, cutout],
    });
    const render = await get(`/api/v1/render/${cutout}/w_100.jpg?channel=amazon`);
    expect(render.status).toBe(451);
    const media = (await (
      await get(`/api/v1/products/${SKU}/media?channel=amazon`)
    ).json()) as S['ProductMedia'];
    expect(media.items.map((m) => m.assetId)).not.toContain(cutout);
    expect(media.withheld.map((h) => h.assetId)).toEqual(expect.arrayContaining([clip, cutout]));
    for (const path of [
      `/api/v1/assets/${clip}?channel=amazon`,
      `/api/v1/assets/${clip}/media/file?channel=amazon`,
      `/api/v1/assets/${clip}/media/poster?channel=amazon`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(451);
      const body = (await res.json()) as S['Error'];
      expect(body.error.reasons).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'licence.editorial' })]),
      );
    }
    // Shopify is the web: an editorial licence does not block it.
    expect((await get(`/api/v1/assets/${clip}/media/file?channel=shopify`)).status).toBe(200);
  });
});

describe('the HTTP edge', () => {
  it('answers a foreign Host (DNS rebinding) with the API error body', async () => {
    const reply = await send(w.bridge.port, '/api/v1/products', {
      headers: { host: 'rebound.example', authorization: `Bearer ${w.bridge.token}` },
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: 'forbidden', message: expect.any(String) as string },
    });
  });

  it('refuses a repeated or malformed rendition query, as every other route does', async () => {
    const side = w.id['side.jpg']!;
    // side.jpg may go to shopify, not amazon: which one would a repeated channel judge?
    for (const query of ['channel=shopify&channel=amazon', 'v=zz', 'chanel=amazon']) {
      const res = await get(`/api/v1/render/${side}/w_100.jpg?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as S['Error']).error.code).toBe('invalid_argument');
    }
    expect((await get(`/api/v1/render/${side}/w_100.jpg?channel=shopify`)).status).toBe(200);
  });

  it("names an unknown query parameter even when it is an object's own word", async () => {
    for (const name of ['toString', '__proto__', 'constructor']) {
      const res = await get(`/api/v1/products?${name}=1`);
      expect(res.status, name).toBe(400);
      const body = (await res.json()) as S['Error'];
      expect(body.error.message, name).not.toMatch(/twice/);
      expect(JSON.stringify(body.error), name).toContain(name);
    }
  });

  it('names the methods it allows when it refuses one (405 needs Allow)', async () => {
    const res = await fetch(`${w.base}/api/v1/products`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('signed URLs', () => {
  it('hand out links that expire no later than the signed URL that asked for them', async () => {
    const session = { kind: 'session', id: 'session', scopes: ['read', 'render'] } as const;
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const signed = sessionAccess(w.bridge.token).sign(
      session,
      `/api/v1/products/${SKU}/media`,
      expires,
    );
    const res = await fetch(`${w.base}${signed}`);
    expect(res.status).toBe(200);
    const media = (await res.json()) as S['ProductMedia'];
    const links = media.items.flatMap((m) => [m.src, m.poster, m.file]).filter((l) => l !== null);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const given = Number(new URL(link, w.base).searchParams.get('expires'));
      expect(given, link).toBeLessThanOrEqual(expires);
      expect((await fetch(`${w.base}${link}`)).status, link).toBe(200);
    }
  });
});

describe('the document', () => {
  it('describes what an expired signed URL answers under the status it gets', async () => {
    const path = `/api/v1/assets/${w.id['main.jpg']}`;
    const session = { kind: 'session', id: 'session', scopes: ['read', 'render'] } as const;
    const signed = sessionAccess(w.bridge.token).sign(session, path, 1_000_000);
    const res = await fetch(`${w.base}${signed}`);
    const doc = (await (await fetch(`${w.base}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { description: string }> } }>;
    };
    const described = (route: string): string =>
      doc.paths[route]?.get.responses[String(res.status)]?.description ?? '';
    expect(res.status).toBe(401);
    expect(described('/assets/{id}')).toMatch(/expired/);
    expect(described('/render/{assetId}/{transform}.{ext}')).toMatch(/expired/);
  });
});

describe("an asset's file", () => {
  it('is served as the type its media item names: a PDF as a PDF, a model as GLB', async () => {
    const dir = await tempDir('api-files');
    await writeFile(join(dir, 'manual.pdf'), makePdf({ pages: [['Manual']] }));
    await writeCubeGlb(join(dir, 'cube.glb'));
    await w.h.call('catalogs.add', { path: dir });
    await w.h.call('jobs.wait', {});
    const byName = new Map((await w.h.all()).map((a) => [a.name, a.id]));
    for (const [name, type] of [
      ['manual.pdf', 'application/pdf'],
      ['cube.glb', 'model/gltf-binary'],
    ] as const) {
      const res = await get(`/api/v1/assets/${byName.get(name)}/media/file`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toBe(type);
      await res.arrayBuffer();
    }
    await rm(dir, { recursive: true, force: true });
  });
});

describe('errors', () => {
  // Last: it removes a file of the world.
  it("never name a file's path on this machine", async () => {
    const main = await w.h.call('assets.get', { id: w.id['main.jpg']! });
    await rm(main.path);
    const res = await get(`/api/v1/render/${main.id}/w_123.jpg`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as S['Error'];
    expect(body.error.message).toMatch(new RegExp(`asset ${main.id}`));
    expect(body.error.message).not.toContain(main.path);
  });
});
