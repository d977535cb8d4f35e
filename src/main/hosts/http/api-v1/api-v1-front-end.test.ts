// What a front end relies on: the media URLs a product's item hands out work as a page uses
// them (signed, so an <img> or <video>, which sends no Authorization header, loads them),
// and a poll of unchanged data costs a 304.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../../../shared/api-v1/generated/openapi-types';
import { startApiWorld, SKU, type ApiWorld } from './api-test-world';

type S = components['schemas'];

let w: ApiWorld;

beforeAll(async () => {
  w = await startApiWorld();
});

afterAll(async () => {
  await w.dispose();
});

/** The product's media, asked with the session token as a front end's server would. */
async function expectAnswer<T>(path: string): Promise<T> {
  const res = await fetch(`${w.base}${path}`, {
    headers: { authorization: `Bearer ${w.bridge.token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe("a product's media URLs", () => {
  it('renders every srcset URL an item gives, with no header (signed), at its width, cached for good', async () => {
    const media = await expectAnswer<S['ProductMedia']>(`/api/v1/products/${SKU}/media`);
    const main = media.items[0];
    const entries = (main?.srcset ?? '').split(', ').map((s) => s.split(' '));
    expect(entries.length).toBeGreaterThan(1);
    for (const [url, width] of entries) {
      // As an <img> asks: no Authorization header, only the signature in the URL.
      const res = await fetch(`${w.base}${url}`, { headers: { accept: 'image/webp,*/*' } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toContain('immutable');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(`${(await sharp(bytes).metadata()).width}w`).toBe(width);
    }
  });

  it("serves a video's poster and file (with byte ranges) from the URLs the item gives", async () => {
    const media = await expectAnswer<S['ProductMedia']>(`/api/v1/products/${SKU}/media`);
    const clip = media.items.find((m) => m.kind === 'video');
    // As <video poster> and <video src> ask: signed URLs, no header.
    const poster = await fetch(`${w.base}${clip?.poster}`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toMatch(/^image\//);
    const file = await fetch(`${w.base}${clip?.file}`, { headers: { range: 'bytes=0-99' } });
    expect(file.status).toBe(206);
    expect(file.headers.get('cache-control')).toContain('immutable');
    expect((await file.arrayBuffer()).byteLength).toBe(100);
  });

  it('answers JSON with a strong ETag, and a 304 while it still matches', async () => {
    const path = `${w.base}/api/v1/products/${SKU}/media`;
    const auth = { authorization: `Bearer ${w.bridge.token}` };
    const first = await fetch(path, { headers: auth });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await fetch(path, { headers: { ...auth, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another resource: other bytes, another tag, a full answer.
    const other = await fetch(`${w.base}/api/v1/products`, {
      headers: { ...auth, 'if-none-match': etag },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it("answers a video's file with a 304 while its ETag still matches", async () => {
    const media = await expectAnswer<S['ProductMedia']>(`/api/v1/products/${SKU}/media`);
    const clip = media.items.find((m) => m.kind === 'video');
    const first = await fetch(`${w.base}${clip?.file}`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    await first.arrayBuffer();
    const again = await fetch(`${w.base}${clip?.file}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const poster = await fetch(`${w.base}${clip?.poster}`, { headers: { 'if-none-match': etag } });
    expect(poster.status).toBe(200); // the poster is another resource, with a tag of its own
    expect(poster.headers.get('etag')).not.toBe(etag);
  });
});
