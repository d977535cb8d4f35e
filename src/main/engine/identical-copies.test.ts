// Identical copies keep their own ids through moves and renames, live and across a restart:
// the inode and device decide first, then the name, then the folder. Each of four copies
// carries its own tag, rating and product link, so a swap between two of them shows.
import Database from 'better-sqlite3';
import { copyFile, mkdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../test-support/engine-harness';
import { makeImage, tempDir } from '../test-support/sample-images';

const LETTERS = ['a', 'b', 'c', 'd'] as const;
type Letter = (typeof LETTERS)[number];
type Places = Record<Letter, string>;

/** Where the four copies start. */
const START: Places = { a: 'a.jpg', b: 'b.jpg', c: 'shoot/c.jpg', d: 'shoot/d.jpg' };

let h: Harness | undefined;
let folder: string;

beforeEach(async () => {
  folder = await tempDir('copies');
  await mkdir(join(folder, 'shoot'));
  const bytes = await makeImage(160, 120, 'jpeg', 41);
  for (const rel of Object.values(START)) await writeFile(join(folder, rel), bytes);
});

afterEach(async () => {
  await h?.dispose();
  h = undefined;
  await rm(folder, { recursive: true, force: true });
});

/** Gives each copy its own tag, rating and product; returns the ids by letter. */
async function markCopies(harness: Harness): Promise<Record<Letter, number>> {
  const all = await harness.all();
  const ids = {} as Record<Letter, number>;
  for (const [i, letter] of LETTERS.entries()) {
    const asset = all.find((a) => a.relPath === START[letter]);
    if (!asset) throw new Error(`no asset at ${START[letter]}`);
    ids[letter] = asset.id;
    await harness.call('tags.apply', { ids: [asset.id], path: `Copy|${letter}` });
    await harness.call('assets.edit', { ids: [asset.id], rating: i + 1 });
    const product = await harness.call('products.create', { sku: `SKU-${letter}` });
    await harness.call('links.add', { productId: product.id, assetIds: [asset.id] });
  }
  return ids;
}

/** What each copy is known by now: its id, tag, rating and the products that show it. */
async function copiesAt(harness: Harness, places: Places) {
  const all = await harness.all();
  const products = await harness.call('products.list', {});
  const out: Record<string, unknown> = {};
  for (const letter of LETTERS) {
    const asset = all.find((a) => a.relPath === places[letter]);
    const linked: string[] = [];
    for (const p of products.items) {
      const detail = await harness.call('products.get', { id: p.id });
      if (detail.links.some((l) => l.assetId === asset?.id)) linked.push(p.sku);
    }
    out[letter] = asset && {
      id: asset.id,
      state: asset.state,
      keywords: asset.keywords,
      rating: asset.rating,
      products: linked,
    };
  }
  return out;
}

function expected(ids: Record<Letter, number>) {
  return Object.fromEntries(
    LETTERS.map((letter, i) => [
      letter,
      {
        id: ids[letter],
        state: 'ok',
        keywords: [`Copy|${letter}`],
        rating: i + 1,
        products: [`SKU-${letter}`],
      },
    ]),
  );
}

/**
 * Moves d and b into a new folder under new names (the names and the folder tell them
 * apart no more: only the inode does) and adds a fresh copy of a. The later copy first, so
 * matching by id order alone (the old way) hands d's new path b's id.
 */
async function moveTwoAndCopy(): Promise<Places> {
  await mkdir(join(folder, 'picked'));
  await rename(join(folder, 'shoot', 'd.jpg'), join(folder, 'picked', 'side.jpg'));
  await copyFile(join(folder, 'a.jpg'), join(folder, 'a copy.jpg'));
  await rename(join(folder, 'b.jpg'), join(folder, 'picked', 'front.jpg'));
  return { ...START, b: 'picked/front.jpg', d: 'picked/side.jpg' };
}

describe('identical copies across a restart', () => {
  it('keeps each copy its id through moves, a rename and a copy-then-delete, and a new copy gets its own', async () => {
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    const ids = await markCopies(h);
    await h.engine.close();

    const places = await moveTwoAndCopy();
    // c moved as a copy tool does it (new inode, dates kept): the name tells it apart.
    await mkdir(join(folder, 'archive'));
    const c = await stat(join(folder, 'shoot', 'c.jpg'));
    await copyFile(join(folder, 'shoot', 'c.jpg'), join(folder, 'archive', 'c.jpg'));
    await utimes(join(folder, 'archive', 'c.jpg'), c.atime, c.mtime);
    await unlink(join(folder, 'shoot', 'c.jpg'));
    places.c = 'archive/c.jpg';

    await h.restart();
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect(await copiesAt(h, places)).toEqual(expected(ids));
    const copy = await h.byName('a copy.jpg');
    expect(Object.values(ids)).not.toContain(copy.id);
    expect(copy.duplicateOf).not.toBeNull();
    expect(copy.keywords).toEqual([]);
    expect(await h.all('missing')).toEqual([]);
  });
});

describe('a library indexed before inodes were recorded', () => {
  it('learns the inode and device of each file at the next scan, reading nothing again', async () => {
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    await h.engine.close();
    const file = join(h.dataDir, 'packshot.db');
    const before = new Database(file);
    before.prepare('UPDATE assets SET ino = NULL, dev = NULL').run();
    before.close();

    await h.restart();
    expect(await h.call('catalogs.scan', {})).toEqual({ listed: 0, queued: 0 });
    await h.engine.close();
    const after = new Database(file, { readonly: true });
    const rows = after.prepare('SELECT rel_path, ino, dev FROM assets ORDER BY rel_path').all();
    after.close();
    const onDisk = [];
    for (const rel of Object.values(START).sort()) {
      const info = await stat(join(folder, rel));
      onDisk.push({ rel_path: rel, ino: info.ino, dev: info.dev });
    }
    expect(rows).toEqual(onDisk);
  });
});

describe.each([
  ['native watches', false],
  ['polling (chokidar)', true],
])('identical copies, live with %s', (_mode, polling) => {
  it('keeps each copy its id when two move, one is renamed and one is copied', async () => {
    h = await startHarness({ watch: true, polling });
    const live = h;
    await live.call('catalogs.add', { path: folder });
    await eventually(
      async () => (await live.all()).filter((a) => a.state === 'ok').length === 4 || undefined,
      'four copies indexed',
    );
    const ids = await markCopies(live);
    const places = await moveTwoAndCopy();
    await rename(join(folder, 'shoot', 'c.jpg'), join(folder, 'shoot', 'c-final.jpg'));
    places.c = 'shoot/c-final.jpg';
    const after = [...Object.values(places), 'a copy.jpg'].sort();
    await eventually(async () => {
      const all = await live.all();
      const settled =
        all.every((a) => a.state === 'ok') &&
        JSON.stringify(all.map((a) => a.relPath).sort()) === JSON.stringify(after);
      return settled || undefined;
    }, 'moves, rename and copy settled');
    expect(await copiesAt(live, places)).toEqual(expected(ids));
    expect((await live.byName('a copy.jpg')).duplicateOf).not.toBeNull();
  });
});
