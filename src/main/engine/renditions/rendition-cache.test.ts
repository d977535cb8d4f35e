import { existsSync } from 'node:fs';
import { rm, utimes } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { RenditionCache } from './rendition-cache';

let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const key = (c: string): string => c.repeat(64);
const hourAgo = (n: number): number => Date.now() / 1000 - n * 3600;

describe('the rendition cache', () => {
  it('keeps the recently used files within the budget, removing the least recently used', async () => {
    dir = await tempDir('rendition-cache');
    const cache = new RenditionCache(dir, 250);
    const a = await cache.write(key('a'), 'jpg', Buffer.alloc(100, 1));
    const b = await cache.write(key('b'), 'jpg', Buffer.alloc(100, 2));
    await cache.settled();
    // a is older than b, but a is used now: b becomes the least recently used.
    await utimes(a.path, hourAgo(3), hourAgo(3));
    await utimes(b.path, hourAgo(2), hourAgo(2));
    expect(await cache.lookup(key('a'), 'jpg')).toEqual({ path: a.path, bytes: 100 });
    await new Promise((r) => setTimeout(r, 50)); // the touch is not awaited by the hit
    const c = await cache.write(key('c'), 'jpg', Buffer.alloc(100, 3));
    await cache.settled();
    expect([existsSync(a.path), existsSync(b.path), existsSync(c.path)]).toEqual([
      true,
      false,
      true,
    ]);
    expect(await cache.lookup(key('b'), 'jpg')).toBeNull();
  });

  it('counts files another process left, and never removes the file just written', async () => {
    dir = await tempDir('rendition-cache');
    const before = new RenditionCache(dir, 1e9);
    await before.write(key('d'), 'webp', Buffer.alloc(300));
    const cache = new RenditionCache(dir, 10);
    const e = await cache.write(key('e'), 'webp', Buffer.alloc(300));
    await cache.settled();
    expect(await cache.lookup(key('d'), 'webp')).toBeNull();
    expect(await cache.lookup(key('e'), 'webp')).toEqual({ path: e.path, bytes: 300 });
  });
});
