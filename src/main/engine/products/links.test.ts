// Products and their media links through the engine: hand edits, undo/redo, drops, and
// links that survive files moving and products being re-imported.
import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaRole } from '../../../shared/product-dto';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let folder: string;
let ids: Record<string, number>;
let catalogId: number;

async function start(watch: boolean): Promise<void> {
  folder = await tempDir('links');
  for (const [i, name] of ['front.jpg', 'back.jpg', 'side.png', 'detail.jpg'].entries()) {
    await writeFile(
      join(folder, name),
      await makeImage(640 + i * 10, 480, name.endsWith('png') ? 'png' : 'jpeg', i + 1),
    );
  }
  h = await startHarness({ watch });
  catalogId = (await h.call('catalogs.add', { path: folder })).id;
  await h.call('jobs.wait', {});
  await eventually(
    async () => (await h.all()).filter((a) => a.state === 'ok').length === 4,
    'indexed',
  );
  ids = Object.fromEntries((await h.all()).map((a) => [a.name, a.id]));
}

afterEach(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

/** The board as role → names, in order. */
async function board(productId: number): Promise<Partial<Record<MediaRole, string[]>>> {
  const detail = await h.call('products.get', { id: productId });
  const out: Partial<Record<MediaRole, string[]>> = {};
  for (const l of [...detail.links].sort((a, b) => a.position - b.position))
    out[l.role] = [...(out[l.role] ?? []), l.name];
  return out;
}

describe('products and links', () => {
  beforeEach(() => start(false));

  it('creates, edits, searches and deletes products by hand', async () => {
    const model = await h.call('products.create', {
      sku: 'SNK-1',
      name: 'Runner sneaker',
      channels: ['amazon'],
    });
    const red = await h.call('products.create', {
      sku: 'SNK-1-RED',
      name: 'Runner sneaker red',
      parentSku: 'SNK-1',
      attributes: { color: 'crimson' },
    });
    expect(red).toMatchObject({
      parentId: model.id,
      parentSku: 'SNK-1',
      attributes: { color: 'crimson' },
    });
    await expect(h.call('products.create', { sku: 'snk-1' })).rejects.toThrow(/already exists/);
    await expect(h.call('products.create', { sku: 'X', parentSku: 'NOPE' })).rejects.toThrow(
      /No product with SKU NOPE/,
    );
    await expect(
      h.call('products.update', { id: model.id, parentSku: 'SNK-1-RED' }),
    ).rejects.toThrow(/variant of itself/);

    expect((await h.call('products.list', { query: 'crimson' })).items.map((p) => p.sku)).toEqual([
      'SNK-1-RED',
    ]);
    expect((await h.call('products.list', { query: 'runner red' })).total).toBe(1);
    expect((await h.call('products.list', { query: 'runner' })).total).toBe(2);
    // The search language, as everywhere a query is taken, with the same caret error.
    const skus = async (query: string): Promise<string[]> =>
      (await h.call('products.list', { query })).items.map((p) => p.sku);
    expect(await skus('sku:SNK-1-R')).toEqual(['SNK-1-RED']);
    expect(await skus('product:runner -crimson')).toEqual(['SNK-1']);
    expect(await skus('sku:SNK OR sku:NONE')).toEqual(['SNK-1', 'SNK-1-RED']);
    await expect(h.call('products.list', { query: 'sku:(' })).rejects.toThrow(/\^/);

    const renamed = await h.call('products.update', {
      id: red.id,
      sku: 'SNK-1-CRIMSON',
      productType: 'shoe',
    });
    expect(renamed).toMatchObject({
      sku: 'SNK-1-CRIMSON',
      name: 'Runner sneaker red',
      productType: 'shoe',
    });
    const detail = await h.call('products.get', { id: model.id });
    expect(detail.variants.map((v) => v.sku)).toEqual(['SNK-1-CRIMSON']);

    await h.call('links.add', { productId: model.id, assetIds: [ids['front.jpg']!], role: 'main' });
    expect(await h.call('products.delete', { id: model.id })).toEqual({ removed: true });
    expect((await h.call('products.get', { id: red.id })).parentId).toBeNull();
    expect((await h.all('unlinked')).length).toBe(4);
    await expect(h.call('products.get', { id: model.id })).rejects.toThrow(/No product/);
  });

  it('links, reorders and sets the main image; every edit undoes and redoes', async () => {
    const p = await h.call('products.create', { sku: 'BAG-7', name: 'Tote' });
    const events: string[] = [];
    const off = h.engine.subscribe((name) => events.push(name));
    const added = await h.call('links.add', {
      productId: p.id,
      assetIds: [ids['front.jpg']!, ids['back.jpg']!, ids['side.png']!],
    });
    expect(added).toMatchObject({ changed: 3, canUndo: true });
    expect(events).toContain('products.changed');
    expect(events).toContain('assets.changed');
    off();
    expect(await board(p.id)).toEqual({ gallery: ['front.jpg', 'back.jpg', 'side.png'] });
    expect((await h.all('unlinked')).map((a) => a.name)).toEqual(['detail.jpg']);

    await h.call('links.setMain', { productId: p.id, assetId: ids['back.jpg']! });
    expect(await board(p.id)).toEqual({ main: ['back.jpg'], gallery: ['front.jpg', 'side.png'] });
    await h.call('links.setMain', { productId: p.id, assetId: ids['detail.jpg']! });
    expect(await board(p.id)).toEqual({
      main: ['detail.jpg'],
      gallery: ['back.jpg', 'front.jpg', 'side.png'],
    });
    await h.call('links.move', {
      productId: p.id,
      assetId: ids['side.png']!,
      role: 'gallery',
      position: 0,
    });
    await h.call('links.move', {
      productId: p.id,
      assetId: ids['front.jpg']!,
      role: 'lifestyle',
      position: 5,
    });
    const after = {
      main: ['detail.jpg'],
      gallery: ['side.png', 'back.jpg'],
      lifestyle: ['front.jpg'],
    };
    expect(await board(p.id)).toEqual(after);
    expect((await h.call('products.get', { id: p.id })).mainAssetId).toBe(ids['detail.jpg']);

    // Five steps back to nothing, then all the way forward again.
    const states = [
      { main: ['detail.jpg'], gallery: ['side.png', 'back.jpg', 'front.jpg'] },
      { main: ['detail.jpg'], gallery: ['back.jpg', 'front.jpg', 'side.png'] },
      { main: ['back.jpg'], gallery: ['front.jpg', 'side.png'] },
      { gallery: ['front.jpg', 'back.jpg', 'side.png'] },
      {},
    ];
    for (const state of states) {
      await h.call('edits.undo', {});
      expect(await board(p.id)).toEqual(state);
    }
    for (const state of [...states.reverse().slice(1), after]) {
      await h.call('edits.redo', {});
      expect(await board(p.id)).toEqual(state);
    }

    const removed = await h.call('links.remove', {
      productId: p.id,
      assetIds: [ids['back.jpg']!, ids['detail.jpg']!],
    });
    expect(removed.changed).toBeGreaterThanOrEqual(2);
    expect(await board(p.id)).toEqual({ gallery: ['side.png'], lifestyle: ['front.jpg'] });
    await h.call('edits.undo', {});
    expect(await board(p.id)).toEqual(after);
    await expect(
      h.call('links.move', { productId: p.id, assetId: 999_999, role: 'gallery', position: 0 }),
    ).rejects.toThrow(/not linked/);
    await expect(h.call('links.add', { productId: p.id, assetIds: [999_999] })).rejects.toThrow(
      /No asset/,
    );
  });

  it('links one file to many products (many-to-many)', async () => {
    const a = await h.call('products.create', { sku: 'A' });
    const b = await h.call('products.create', { sku: 'B' });
    await h.call('links.add', { productId: a.id, assetIds: [ids['front.jpg']!], role: 'main' });
    await h.call('links.add', { productId: b.id, assetIds: [ids['front.jpg']!], role: 'swatch' });
    expect(await board(a.id)).toEqual({ main: ['front.jpg'] });
    expect(await board(b.id)).toEqual({ swatch: ['front.jpg'] });
    expect((await h.call('products.get', { id: a.id })).linkCount).toBe(1);
  });

  it('keeps links when products are re-imported and when the catalog is rescanned after a move', async () => {
    const p = await h.call('products.create', { sku: 'CUP-1', name: 'Cup' });
    await h.call('links.add', { productId: p.id, assetIds: [ids['front.jpg']!], role: 'main' });
    const csv = join(folder, '..', `cup-${p.id}.csv`);
    await writeFile(csv, 'sku,name\nCUP-1,Cup renamed\n');
    await h.call('products.import', { path: csv });
    await rm(csv);
    expect((await h.call('products.get', { id: p.id })).name).toBe('Cup renamed');
    expect(await board(p.id)).toEqual({ main: ['front.jpg'] });

    // Not watching: the move is found by a rescan, and identity (content) keeps the id.
    await mkdir(join(folder, 'archive'));
    await rename(join(folder, 'front.jpg'), join(folder, 'archive', 'cup-front.jpg'));
    await h.call('catalogs.scan', { id: catalogId });
    await h.call('jobs.wait', {});
    await eventually(
      async () => (await board(p.id)).main?.[0] === 'cup-front.jpg',
      'link follows the move',
    );
    const detail = await h.call('products.get', { id: p.id });
    expect(detail.links[0]).toMatchObject({ assetId: ids['front.jpg'], state: 'ok' });
  });

  it('copies dropped files into a catalog folder and links them, never overwriting', async () => {
    const p = await h.call('products.create', { sku: 'LAMP-3' });
    const outside = await tempDir('drop-src');
    await writeFile(join(outside, 'lamp.jpg'), await makeImage(900, 900, 'jpeg', 40));
    await writeFile(join(outside, 'lamp-on.png'), await makeImage(500, 700, 'png', 41));
    await mkdir(join(folder, 'products', 'lamp'), { recursive: true });
    await writeFile(join(folder, 'products', 'lamp', 'lamp.jpg'), 'an older, different file');

    const result = await h.call('links.dropFiles', {
      productId: p.id,
      catalogId,
      folder: 'products/lamp',
      paths: [join(outside, 'lamp.jpg'), join(outside, 'lamp-on.png'), join(outside, 'gone.jpg')],
    });
    expect(result).toMatchObject({ copied: 2, changed: 2, canUndo: true });
    expect(result.errors).toEqual([{ path: join(outside, 'gone.jpg'), reason: 'not found' }]);
    const names = (await readdir(join(folder, 'products', 'lamp'))).sort();
    expect(names).toEqual(['lamp (2).jpg', 'lamp-on.png', 'lamp.jpg']);
    expect(await board(p.id)).toEqual({ gallery: ['lamp (2).jpg', 'lamp-on.png'] });
    await h.call('jobs.wait', {});
    const linked = (await h.call('products.get', { id: p.id })).links;
    expect(linked.every((l) => l.state === 'ok')).toBe(true);

    await h.call('edits.undo', {});
    expect(await board(p.id)).toEqual({});

    // Hostile folders are refused before anything is copied.
    for (const bad of ['../escape', '/etc', 'a/../../b']) {
      await expect(
        h.call('links.dropFiles', {
          productId: p.id,
          catalogId,
          folder: bad,
          paths: [join(outside, 'lamp.jpg')],
        }),
      ).rejects.toThrow(/inside the catalog/);
    }
    await symlink(outside, join(folder, 'sneaky'));
    await expect(
      h.call('links.dropFiles', {
        productId: p.id,
        catalogId,
        folder: 'sneaky/deeper',
        paths: [join(outside, 'lamp.jpg')],
      }),
    ).rejects.toThrow(/outside the catalog/);
    expect((await readdir(outside)).sort()).toEqual(['lamp-on.png', 'lamp.jpg']);
    await rm(outside, { recursive: true, force: true });
  });
});

describe('a dropped file that is a vanished asset', () => {
  beforeEach(() => start(false));

  it('is that asset: the link follows it to the old id', async () => {
    const p = await h.call('products.create', { sku: 'VASE-1' });
    const outside = await tempDir('drop-again');
    const { readFile } = await import('node:fs/promises');
    await writeFile(join(outside, 'vase.jpg'), await readFile(join(folder, 'back.jpg')));
    await rm(join(folder, 'back.jpg'));
    await h.call('catalogs.scan', { id: catalogId });
    await h.call('jobs.wait', {});
    expect((await h.byName('back.jpg')).state).toBe('missing');

    await h.call('links.dropFiles', {
      productId: p.id,
      catalogId,
      paths: [join(outside, 'vase.jpg')],
    });
    await h.call('jobs.wait', {});
    const links = (await h.call('products.get', { id: p.id })).links;
    expect(links).toEqual([
      expect.objectContaining({ assetId: ids['back.jpg'], name: 'vase.jpg', state: 'ok' }),
    ]);
    await rm(outside, { recursive: true, force: true });
  });
});

describe('links while watching', () => {
  beforeEach(() => start(true));

  it('keep pointing at a file renamed and moved while the engine watches', async () => {
    const p = await h.call('products.create', { sku: 'MUG-9' });
    await h.call('links.add', { productId: p.id, assetIds: [ids['side.png']!, ids['back.jpg']!] });
    await mkdir(join(folder, 'mugs'));
    await rename(join(folder, 'side.png'), join(folder, 'mugs', 'MUG-9_01.png'));
    await eventually(
      async () => (await board(p.id)).gallery?.[0] === 'MUG-9_01.png',
      'the link follows the renamed file',
    );
    const detail = await h.call('products.get', { id: p.id });
    expect(detail.links.map((l) => l.assetId)).toEqual([ids['side.png'], ids['back.jpg']]);
    expect((await h.byName('MUG-9_01.png')).folder).toBe('mugs');
  });
});
