// The seeded catalog list-index.test.ts compares the list index on: 300 assets with tags,
// ratings, labels, ties in every order and a spin, read by an indexed AssetQueryRepo and one
// answering by SQL alone (`indexed`, `plain`: live bindings, set once the catalog is made).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AssetFilter, AssetSort } from '../../../shared/dto';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { AssetQueryRepo } from './asset-query-repo';
import type { AssetQuery } from './asset-query';
import { assetSearch } from './search-query';
import { VersionRepo } from './version-repo';

export const QUERIES = [
  undefined,
  'sneaker',
  'leather boots',
  'tag:Footwear',
  'tag:Footwear|Boots',
  'rating>=4 flag:pick',
  'label:red format:raw',
  '-label:red',
  'NOT label:red OR rating>=3',
  'color:white width>=2000',
  'taken:2026-05 camera:canon',
  '(tag:Sneakers OR tag:Boots) -tag:Suede rating>=3',
  'NOT (tag:Boots AND rating>=2)',
  'missing OR error',
  'dupes',
  'kind:spin',
  '-sneaker',
  'camera:canon OR -taken:2026',
  'folder:shoot-1 OR name:sku-00',
  'red',
  'offline',
  // Groups after the second item: each combines in a scratch set of its own.
  'rating>=1 label:red (tag:Boots OR tag:Suede)',
  'tag:Boots OR (rating>=4 flag:pick) OR NOT (label:red AND format:raw)',
];
export const SORTS: AssetSort[] = ['name', 'captured', 'added', 'size'];
export const PAGES: [number, number][] = [
  [0, 500],
  [13, 9],
  [150, 40],
  [5000, 10],
];
const TAGS = [
  'Footwear',
  'Footwear|Boots',
  'Footwear|Sneakers',
  'Material|Leather',
  'Material|Suede',
  'Colour|Red',
  'Studio',
];
const NAMES = ['Sneaker', 'boot', 'Leather', 'bag', 'belt', 'red', 'Boots'];
const FORMATS = ['jpeg', 'raw', 'png', 'tiff'];
const LABELS = [null, 'red', 'blue', 'green'];
const FLAGS = ['none', 'pick', 'reject'];
const COLORS = ['["white"]', '["red","white"]', '["black"]', '[]'];
const CAMERAS = [null, 'Canon EOS R5', 'Nikon Z7', 'canon 5D'];

export let dir: string;
export let db: Db;
export let indexed: AssetQueryRepo;
export let plain: AssetQueryRepo;
let seed = 7;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;

export function addAsset(id: number): void {
  const name = `${pick(NAMES)}-sku-${String(random(200)).padStart(3, '0')}_${id}.jpg`;
  const folder = `shoot-${random(4)}`;
  db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, folder, bytes, mtime_ms, hash, format,
       width, height, state, thumb, added_at, kind, captured_at, camera, rating, flag, label,
       color_names, duplicate_of)
     VALUES (?, 1, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 'ready', ?, 'image', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    `${folder}/${name}`,
    name,
    folder,
    // Ties on purpose: every order must break them by id as SQL does.
    1000 * random(30),
    `h${id}`,
    pick(FORMATS),
    1000 + 500 * random(4),
    800,
    pick(['ok', 'ok', 'ok', 'ok', 'error', 'missing']),
    random(50),
    random(5) === 0 ? null : `202${5 + random(2)}-0${1 + random(9)}-1${random(9)}T10:00:00`,
    pick(CAMERAS),
    random(6),
    pick(FLAGS),
    pick(LABELS),
    pick(COLORS),
    id > 10 && random(12) === 0 ? 1 + random(10) : null,
  );
  for (const tag of TAGS) {
    if (random(3) === 0)
      db.prepare('INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) VALUES (?, ?)').run(
        id,
        TAGS.indexOf(tag) + 1,
      );
  }
}

/** Seeds the catalog before the file's tests and removes it after. */
export function useListIndexCatalog(): void {
  beforeAll(async () => {
    dir = await tempDir('list-index');
    db = openDatabase(join(dir, 'packshot.db'));
    db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', '2026')`).run(
      dir,
    );
    TAGS.forEach((path, i) => {
      const parent = path.includes('|') ? TAGS.indexOf(path.split('|')[0]!) + 1 : 0;
      db.prepare('INSERT INTO tags (id, parent_id, name, path) VALUES (?, ?, ?, ?)').run(
        i + 1,
        parent,
        path.split('|').at(-1)!,
        path,
      );
    });
    for (let id = 1; id <= 300; id++) addAsset(id);
    // A tag deleted by an edit below: its links go by ON DELETE CASCADE.
    db.prepare(
      `INSERT INTO tags (id, parent_id, name, path) VALUES (8, 1, 'Sandals', 'Footwear|Sandals')`,
    ).run();
    db.prepare(
      'INSERT INTO asset_tags (asset_id, tag_id) SELECT id, 8 FROM assets WHERE id % 5 = 2',
    ).run();
    // A spin: its cover is listed, its other frames are not.
    db.prepare(
      `INSERT INTO spins (id, name, created_at, cover_asset_id) VALUES (1, 's', 0, 20)`,
    ).run();
    for (const [position, asset] of [20, 21, 22, 23].entries())
      db.prepare('INSERT INTO spin_frames (asset_id, spin_id, position) VALUES (?, 1, ?)').run(
        asset,
        position,
      );
    indexed = new AssetQueryRepo(db, new VersionRepo(db));
    plain = new AssetQueryRepo(db, new VersionRepo(db), false);
  }, 60_000);

  afterAll(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
}

/** Every query, sort and page, indexed against SQL alone; returns how many rows compared. */
export function compareAll(
  filters: AssetFilter[] = ['all'],
  sorts = SORTS,
  pages = PAGES.slice(2),
): number {
  let rows = 0;
  for (const filter of filters)
    for (const text of QUERIES)
      for (const sort of sorts) {
        const query: AssetQuery = { filter, sort, search: assetSearch(text) };
        const where = `${filter} ${text ?? ''} ${sort}`;
        expect(indexed.count(query), where).toBe(plain.count(query));
        for (const [offset, limit] of pages) {
          const page = indexed.page(query, offset, limit, false);
          expect(page, `${where} ${offset}`).toEqual(plain.page(query, offset, limit, false));
          rows += page.length;
        }
      }
  return rows;
}
