import { createHash } from 'node:crypto';
import { readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../shared/dto';
import {
  makeImage,
  makeSampleFolder,
  tempDir,
  type SampleFolder,
} from '../test-support/sample-images';
import { invoke } from '../hosts/dispatch';
import { createEngine, type Engine } from './create-engine';

let dataDir: string;
let photos: SampleFolder;
let engine: Engine | undefined;

beforeEach(async () => {
  dataDir = await tempDir('data');
  photos = await makeSampleFolder(await tempDir('photos'));
});

afterEach(async () => {
  await engine?.close();
  engine = undefined;
  await rm(dataDir, { recursive: true, force: true });
  await rm(photos.dir, { recursive: true, force: true });
});

function open(): Engine {
  engine = createEngine({ dataDir, concurrency: 2 });
  return engine;
}

async function allAssets(e: Engine): Promise<Asset[]> {
  return (await invoke(e.handlers, 'assets.list', { limit: 5000 })).items;
}

function byName(assets: Asset[], name: string): Asset {
  const found = assets.find((a) => a.name === name);
  if (!found) throw new Error(`no asset ${name}`);
  return found;
}

describe('engine: add a folder, index its images', () => {
  it('indexes every good image with size, format, dimensions, hash and a cached thumbnail', async () => {
    const e = open();
    const catalog = await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    expect(catalog.path).toBe(photos.dir);
    const summary = await invoke(e.handlers, 'jobs.wait', {});
    expect(summary).toMatchObject({ assets: 9, errors: 3 });

    const assets = await allAssets(e);
    for (const g of photos.good) {
      const asset = byName(assets, g.name);
      const bytes = await readFile(join(photos.dir, g.name));
      expect(asset).toMatchObject({
        state: 'ok',
        thumb: 'ready',
        format: g.format,
        width: g.width,
        height: g.height,
        bytes: bytes.length,
        error: null,
      });
      expect(asset.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
      const thumbPath = e.resolveMedia('thumb', asset.hash ?? '');
      expect(thumbPath).toContain(join(dataDir, 'cache'));
      const meta = await sharp(thumbPath ?? '').metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(
        Math.min(320, Math.max(g.width, g.height)),
      );
    }
  });

  it('gives each bad file an error with its reason and indexes the rest', async () => {
    const e = open();
    await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await invoke(e.handlers, 'jobs.wait', {});
    const assets = await allAssets(e);
    for (const bad of photos.bad) {
      const asset = byName(assets, bad.name);
      expect(asset.state).toBe('error');
      expect(asset.thumb).toBe('none');
      expect(asset.error).toMatch(bad.reason);
    }
    expect(assets.filter((a) => a.state === 'ok')).toHaveLength(photos.good.length);
  });

  it('never writes to the originals', async () => {
    const before = await Promise.all(
      photos.good.map(async (g) => {
        const path = join(photos.dir, g.name);
        return { path, mtime: (await stat(path)).mtimeMs, data: await readFile(path) };
      }),
    );
    const e = open();
    await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await invoke(e.handlers, 'jobs.wait', {});
    for (const file of before) {
      expect((await stat(file.path)).mtimeMs).toBe(file.mtime);
      expect((await readFile(file.path)).equals(file.data)).toBe(true);
    }
  });

  it('re-reads nothing on a rescan of unchanged files, and only what changed otherwise', async () => {
    let e = open();
    await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await invoke(e.handlers, 'jobs.wait', {});
    await e.close();

    e = open();
    expect(await invoke(e.handlers, 'catalogs.scan', {})).toEqual({ listed: 0, queued: 0 });

    const changed = join(photos.dir, 'shoe-front.jpg');
    await writeFile(changed, await makeImage(1000, 500, 'jpeg', 42));
    await utimes(changed, new Date(), new Date(Date.now() + 5000));
    await writeFile(join(photos.dir, 'new.png'), await makeImage(64, 64, 'png', 7));
    expect(await invoke(e.handlers, 'catalogs.scan', {})).toEqual({ listed: 1, queued: 2 });
    await invoke(e.handlers, 'jobs.wait', {});
    const assets = await allAssets(e);
    expect(byName(assets, 'shoe-front.jpg')).toMatchObject({
      width: 1000,
      height: 500,
      state: 'ok',
    });
    expect(byName(assets, 'new.png')).toMatchObject({ width: 64, state: 'ok' });
  });

  it('marks a deleted file missing instead of forgetting it', async () => {
    const e = open();
    await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await invoke(e.handlers, 'jobs.wait', {});
    const id = byName(await allAssets(e), 'bag.webp').id;
    await unlink(join(photos.dir, 'bag.webp'));
    await invoke(e.handlers, 'catalogs.scan', {});
    expect((await invoke(e.handlers, 'assets.get', { id })).state).toBe('missing');
    const missing = await invoke(e.handlers, 'assets.list', { filter: 'missing' });
    expect(missing.items.map((a) => a.name)).toEqual(['bag.webp']);
  });

  it('resumes unfinished work after a crash without re-rendering cached thumbnails', async () => {
    let e = open();
    await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await invoke(e.handlers, 'jobs.wait', {});
    const thumb = e.resolveMedia('thumb', byName(await allAssets(e), 'bag.webp').hash ?? '') ?? '';
    const renderedAt = (await stat(thumb)).mtimeMs;
    await e.close();
    engine = undefined;

    // A crash mid-run leaves rows pending in the database.
    const db = new Database(join(dataDir, 'packshot.db'));
    db.prepare(`UPDATE assets SET state = 'pending', thumb = 'pending'`).run();
    db.close();

    e = open();
    await invoke(e.handlers, 'jobs.wait', {});
    const assets = await allAssets(e);
    expect(assets.filter((a) => a.state === 'ok')).toHaveLength(photos.good.length);
    expect(assets.filter((a) => a.state === 'error')).toHaveLength(photos.bad.length);
    expect((await stat(thumb)).mtimeMs).toBe(renderedAt);
  });

  it('refuses a catalog that overlaps another, and a path that is not a folder', async () => {
    const e = open();
    await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await expect(
      invoke(e.handlers, 'catalogs.add', { path: join(photos.dir, '..') }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      invoke(e.handlers, 'catalogs.add', { path: join(photos.dir, 'bag.webp') }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(
      invoke(e.handlers, 'catalogs.add', { path: join(photos.dir, 'nope') }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    // Adding the same folder again is harmless.
    const again = await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    expect((await invoke(e.handlers, 'catalogs.list', {})).map((c) => c.id)).toEqual([again.id]);
  });

  it('removes a catalog and its assets from the index, not from disk', async () => {
    const e = open();
    const catalog = await invoke(e.handlers, 'catalogs.add', { path: photos.dir });
    await invoke(e.handlers, 'jobs.wait', {});
    await invoke(e.handlers, 'catalogs.remove', { id: catalog.id });
    expect(await invoke(e.handlers, 'catalogs.list', {})).toEqual([]);
    expect((await invoke(e.handlers, 'assets.list', {})).total).toBe(0);
    await expect(stat(join(photos.dir, 'bag.webp'))).resolves.toBeTruthy();
  });
});
