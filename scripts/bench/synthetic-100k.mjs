// A synthetic 100,000-asset catalog for the organize figures (search, tagging, scroll), built
// in seconds instead of indexing 100,000 real images:
//
//  - the data dir and its schema come from the engine itself (`packshot catalog add` on an
//    empty folder runs every migration and registers the catalog);
//  - the catalog folder gets one real file per asset, sparse (ftruncate: the size a photo
//    would have, no disk blocks) with a fixed mtime, so `serve`'s start-up reconciliation
//    finds every file unchanged and queues nothing;
//  - rows are INSERTed into that real SQLite file with what indexing would have written:
//    format, size, dimensions, date, camera, rating/flag/label, colours, ~20 tags from a
//    Lightroom-like hierarchy of ~2,000 (asset_tags; the FTS indexes are filled by the
//    schema's own triggers), duplicates and near-duplicate groups.
//
// Not real: there are no pixels, so no thumbnails. Rows say thumb 'ready' with a hash whose
// thumbnail is not in the cache (the grid asks for it, gets 404, and keeps showing the row's
// ThumbHash placeholder, taken from a pool of real ones). Deterministic (seeded).
import {
  closeSync,
  futimesSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rgbaToThumbHash } from 'thumbhash';
import { BenchError, cli, log, now, timed } from './lib.mjs';

export const SYNTH_COUNT = Math.max(1000, Number(process.env.BENCH_SYNTH ?? 100_000));

/** mulberry32: a small seeded PRNG, so every run builds the same catalog. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261130);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
/** Zipf-ish: early entries are much more common, as with real keyword use. */
const zipf = (list) => list[Math.floor(list.length * random() ** 2.2)];
const weighted = (table) => {
  let r = random() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1][0];
};
const pad = (n, width) => String(n).padStart(width, '0');

// ── The tag hierarchy (~2,000 tags) ───────────────────────────────────────────────────────
const PRODUCT_TREE = {
  Footwear: ['Sneakers', 'Boots', 'Sandals', 'Loafers', 'Heels', 'Slippers', 'Running', 'Hiking'],
  Apparel: ['Jackets', 'Coats', 'Shirts', 'T-Shirts', 'Dresses', 'Skirts', 'Trousers', 'Jeans'],
  Knitwear: ['Sweaters', 'Cardigans', 'Hoodies', 'Scarves', 'Beanies', 'Gloves', 'Vests', 'Socks'],
  Bags: ['Totes', 'Backpacks', 'Clutches', 'Crossbody', 'Duffels', 'Wallets', 'Belts', 'Pouches'],
  Jewellery: ['Rings', 'Necklaces', 'Earrings', 'Bracelets', 'Watches', 'Brooches', 'Anklets'],
  Home: ['Lamps', 'Vases', 'Cushions', 'Throws', 'Candles', 'Mirrors', 'Rugs', 'Tableware'],
  Kitchen: ['Knives', 'Pans', 'Kettles', 'Mugs', 'Bowls', 'Boards', 'Utensils', 'Storage'],
  Beauty: ['Skincare', 'Fragrance', 'Makeup', 'Haircare', 'Nails', 'Tools', 'Sets', 'Bath'],
  Sports: ['Yoga', 'Cycling', 'Swimming', 'Tennis', 'Golf', 'Fitness', 'Camping', 'Climbing'],
  Kids: ['Toys', 'Baby', 'Schoolbags', 'Outerwear', 'Shoes', 'Nightwear', 'Books', 'Games'],
  Electronics: ['Headphones', 'Speakers', 'Chargers', 'Cases', 'Cables', 'Cameras', 'Lights'],
  Eyewear: ['Sunglasses', 'Optical', 'Sport', 'Cases', 'Kids', 'Clip-ons', 'Chains'],
};
const VARIANTS = ['Classic', 'Pro', 'Lite', 'Max', 'Mini', 'Edition 2', 'Eco', 'Premium', 'Core'];
const COLORS = [
  'Black', 'White', 'Grey', 'Navy', 'Blue', 'Red', 'Green', 'Olive', 'Beige', 'Brown',
  'Cream', 'Pink', 'Purple', 'Yellow', 'Orange', 'Teal', 'Gold', 'Silver', 'Multicolour',
  'Burgundy', 'Khaki', 'Coral', 'Mint', 'Sand',
]; // prettier-ignore
const MATERIALS = [
  'Leather', 'Suede', 'Cotton', 'Wool', 'Cashmere', 'Linen', 'Silk', 'Denim', 'Nylon',
  'Polyester', 'Canvas', 'Ceramic', 'Glass', 'Steel', 'Brass', 'Oak', 'Walnut', 'Bamboo',
  'Rubber', 'Mesh', 'Recycled', 'Velvet', 'Corduroy', 'Fleece', 'Gold plated', 'Silver 925',
  'Porcelain', 'Stoneware', 'Aluminium', 'Cork',
]; // prettier-ignore
const SHOTS = [
  'Front', 'Back', 'Side', 'Three-quarter', 'Top', 'Bottom', 'Detail', 'Macro', 'Flatlay',
  'Ghost mannequin', 'On-model', 'Lifestyle', 'Packshot', 'Group', 'Scale', 'Open', 'Closed',
  'Interior', 'Sole', 'Label', 'Texture', 'Spin 360', 'In use', 'Hero', 'Swatch', 'Packaging',
  'Unboxing', 'Walking', 'Seated', 'Close-up',
]; // prettier-ignore
const USAGE = [
  'Web|PDP', 'Web|Category', 'Web|Banner', 'Social|Instagram', 'Social|TikTok',
  'Social|Pinterest', 'Print|Catalogue', 'Print|Lookbook', 'Marketplace|Amazon',
  'Marketplace|Zalando', 'Marketplace|eBay', 'Newsletter', 'Press', 'Wholesale', 'Internal',
]; // prettier-ignore
const STATUS = ['Approved', 'Retouched', 'Needs retouch', 'Final', 'Selected', 'Client review'];
const FIRST = [
  'Anna', 'Ben', 'Chloé', 'David', 'Emma', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Kira',
  'Lena', 'Malik', 'Nora', 'Oskar', 'Paula', 'Quentin', 'Rosa', 'Sami', 'Tara', 'Uwe', 'Vera',
  'Wim', 'Xenia', 'Yusuf', 'Zoë',
]; // prettier-ignore
const LAST = [
  'Schmidt', 'Müller', 'Berg', 'Novak', 'Rossi', 'Dubois', 'Jensen', 'Kowalski', 'Santos',
  'Okafor', 'Tanaka', 'Larsen',
]; // prettier-ignore
const WORDS = [
  'Nord', 'Alba', 'Kite', 'Moss', 'Ember', 'Cobalt', 'Linden', 'Fjord', 'Atlas', 'Juniper',
  'Vale', 'Orbit', 'Harbor', 'Pine', 'Quartz', 'Sable', 'Tundra', 'Willow', 'Zephyr', 'Birch',
]; // prettier-ignore

function buildTagPaths() {
  const groups = {};
  const add = (group, path) => (groups[group] ??= []).push(path);
  for (const [category, subs] of Object.entries(PRODUCT_TREE))
    for (const sub of subs)
      for (const variant of VARIANTS) add('product', `Product|${category}|${sub}|${variant}`);
  for (const c of COLORS) add('color', `Color|${c}`);
  for (const m of MATERIALS) add('material', `Material|${m}`);
  for (const s of SHOTS) add('shot', `Shot|${s}`);
  for (const u of USAGE) add('usage', `Usage|${u}`);
  for (const s of STATUS) add('status', `Status|${s}`);
  for (let i = 0; i < 180; i++)
    add('brand', `Brand|${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} ${i}`);
  for (let i = 0; i < 120; i++)
    add('client', `Client|${WORDS[(i * 3) % WORDS.length]} & ${LAST[i % LAST.length]} ${i}`);
  for (let i = 0; i < 260; i++)
    add('model', `People|Models|${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]} ${i}`);
  for (let i = 0; i < 40; i++)
    add('photographer', `People|Photographers|${FIRST[(i * 7) % FIRST.length]} ${LAST[i % 12]}`);
  for (let i = 0; i < 60; i++)
    add(
      'location',
      `Location|${['Studio A', 'Studio B', 'Outdoor', 'On location'][i % 4]}|Set ${i}`,
    );
  for (const year of [2024, 2025, 2026])
    for (const season of ['SS', 'FW', 'Resort', 'Holiday'])
      for (const name of WORDS.slice(0, 8)) add('campaign', `Campaign|${year}|${season}|${name}`);
  for (const year of [2024, 2025, 2026])
    for (const season of ['SS', 'FW']) add('season', `Season|${season}${String(year).slice(2)}`);
  return groups;
}

/** Every tag row for these leaf paths: each level once, parents before children. */
function tagRows(groups) {
  const ids = new Map();
  const rows = [];
  for (const paths of Object.values(groups)) {
    for (const path of paths) {
      const levels = path.split('|');
      let parent = 0;
      for (let i = 1; i <= levels.length; i++) {
        const prefix = levels.slice(0, i).join('|');
        let id = ids.get(prefix);
        if (id === undefined) {
          id = rows.length + 1;
          ids.set(prefix, id);
          rows.push({ id, parent, name: levels[i - 1], path: prefix });
        }
        parent = id;
      }
    }
  }
  return { rows, ids };
}

// ── Files ────────────────────────────────────────────────────────────────────────────────
const FORMATS = [
  // [extension, format, kind, weight, camera makes]
  ['jpg', 'jpeg', 'image', 52, 'any'],
  ['png', 'png', 'image', 10, null],
  ['tif', 'tiff', 'image', 3, null],
  ['webp', 'webp', 'image', 3, null],
  ['cr2', 'cr2', 'raw', 8, 'canon'],
  ['cr3', 'cr3', 'raw', 5, 'canon'],
  ['nef', 'nef', 'raw', 8, 'nikon'],
  ['arw', 'arw', 'raw', 6, 'sony'],
  ['dng', 'dng', 'raw', 2, 'leica'],
  ['raf', 'raf', 'raw', 1, 'fuji'],
  ['heic', 'heic', 'image', 1, 'apple'],
  ['mp4', 'mp4', 'video', 0.5, 'sony'],
  ['pdf', 'pdf', 'document', 0.5, null],
];
const CAMERAS = {
  canon: ['Canon EOS R5', 'Canon EOS 5D Mark IV', 'Canon EOS R6 Mark II'],
  nikon: ['Nikon Z 8', 'Nikon D850', 'Nikon Z 7_2'],
  sony: ['Sony ILCE-7RM5', 'Sony ILCE-7RM4', 'Sony ILCE-1'],
  leica: ['Leica SL2', 'Leica Q3'],
  fuji: ['Fujifilm GFX100S', 'Fujifilm X-T5'],
  apple: ['Apple iPhone 15 Pro', 'Apple iPhone 16 Pro'],
};
const ALL_CAMERAS = Object.values(CAMERAS).flat();
const CAMERA_PREFIX = { canon: 'IMG_', nikon: 'DSC_', sony: 'DSC0', leica: 'L100', fuji: 'DSCF' };
const SIZES = {
  raw: [
    [8192, 5464],
    [8256, 5504],
    [6000, 4000],
    [9504, 6336],
  ],
  jpeg: [
    [2000, 2000],
    [3000, 4000],
    [1200, 1600],
    [4000, 3000],
    [2400, 2400],
    [1080, 1350],
  ],
  png: [
    [2000, 2000],
    [1000, 1000],
    [3000, 3000],
    [800, 800],
  ],
};
const PALETTE = {
  white: '#f4f4f2',
  black: '#141414',
  grey: '#8a8a8a',
  red: '#c0262d',
  orange: '#e07b24',
  yellow: '#e8c93a',
  green: '#3a8a3f',
  blue: '#2a5db0',
  purple: '#6e3fa3',
  pink: '#e58fb1',
  brown: '#7a5233',
  beige: '#d9c7a7',
};
const PALETTE_NAMES = Object.keys(PALETTE);

/** A pool of real ThumbHash placeholders: soft two-colour gradients. */
function placeholderPool(n) {
  const pool = [];
  const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  for (let i = 0; i < n; i++) {
    const a = hex(PALETTE[PALETTE_NAMES[i % PALETTE_NAMES.length]]);
    const b = hex(PALETTE[PALETTE_NAMES[(i * 5 + 1) % PALETTE_NAMES.length]]);
    const w = 32;
    const h = 24 + (i % 9);
    const px = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const inside = Math.hypot(x - w / 2, y - h / 2) < 6 + (i % 7);
        for (let c = 0; c < 3; c++) px[(y * w + x) * 4 + c] = inside ? b[c] : a[c];
        px[(y * w + x) * 4 + 3] = 255;
      }
    pool.push(Buffer.from(rgbaToThumbHash(w, h, px)).toString('base64'));
  }
  return pool;
}

/** Plans every asset: folder, name, file facts, culling, analysis, tags. */
function planAssets(count, groups) {
  const DAY = 86_400_000;
  const start = Date.UTC(2024, 11, 1);
  const days = 730;
  const assets = [];
  let folderIndex = 0;
  while (assets.length < count) {
    // One shoot: a folder of 40–160 files, one client, one product line, one day.
    const shootDay = start + int(days) * DAY;
    const date = new Date(shootDay).toISOString().slice(0, 10);
    const client = zipf(groups.client);
    const clientName = client.split('|')[1].replace(/ \d+$/, '').replace(/\W+/g, '-');
    const folder = `${date.slice(0, 4)}/${date} ${clientName} shoot ${pad(folderIndex++, 4)}`;
    const shootProducts = Array.from({ length: 1 + int(4) }, () => zipf(groups.product));
    const photographer = pick(groups.photographer);
    const location = zipf(groups.location);
    const campaign = zipf(groups.campaign);
    const brand = zipf(groups.brand);
    const season = pick(groups.season);
    const model = random() < 0.4 ? zipf(groups.model) : null;
    const size = Math.min(count - assets.length, 40 + int(120));
    const sku = 10000 + int(90000);
    const cameraFamily = pick(['canon', 'nikon', 'sony', 'canon', 'leica', 'fuji']);
    for (let i = 0; i < size; i++) {
      const [ext, format, kind, , make] = weighted(FORMATS.map((f) => [f, f[3]]));
      const family = make === 'any' ? cameraFamily : make;
      const skuName = random() < 0.7 || !CAMERA_PREFIX[family];
      const name = skuName
        ? `SKU-${sku + (i >> 3)}_${pad((i % 8) + 1, 2)}.${ext}`
        : `${CAMERA_PREFIX[family]}${pad(1000 + (assets.length % 9000), 4)}.${ext}`;
      const camera = family ? pick(CAMERAS[family] ?? ALL_CAMERAS) : null;
      const dims = pick(kind === 'raw' ? SIZES.raw : format === 'png' ? SIZES.png : SIZES.jpeg);
      const bytes =
        kind === 'raw'
          ? 20_000_000 + int(40_000_000)
          : kind === 'video'
            ? 50_000_000 + int(400_000_000)
            : 200_000 + int(6_000_000);
      const taken = new Date(shootDay + 9 * 3_600_000 + i * 47_000 + int(40_000));
      const capturedAt = camera && kind !== 'document' ? taken.toISOString().slice(0, 19) : null;
      const roll = random();
      const state = roll < 0.002 ? 'error' : roll < 0.005 ? 'missing' : 'ok';
      const product = pick(shootProducts);
      const tagSet = new Set([
        product,
        ...(random() < 0.3 ? [pick(shootProducts)] : []),
        brand,
        client,
        season,
        campaign,
        photographer,
        location,
        pick(groups.status),
        ...Array.from({ length: 1 + int(2) }, () => zipf(groups.color)),
        ...Array.from({ length: 1 + int(2) }, () => zipf(groups.material)),
        ...Array.from({ length: 2 + int(3) }, () => zipf(groups.shot)),
        ...Array.from({ length: 1 + int(3) }, () => zipf(groups.usage)),
        ...(model ? [model] : []),
      ]);
      // Pad to about 20 with more of the common kinds (shots, usage, colours).
      while (tagSet.size < 17 + int(7))
        tagSet.add(zipf(pick([groups.shot, groups.usage, groups.color, groups.material])));
      const colorNames = [random() < 0.55 ? 'white' : zipf(PALETTE_NAMES)];
      if (random() < 0.6) colorNames.push(zipf(PALETTE_NAMES));
      const names = [...new Set(colorNames)];
      assets.push({
        relPath: `${folder}/${name}`,
        name,
        folder,
        ext,
        format: state === 'error' ? null : format,
        kind,
        bytes,
        width: state === 'error' ? null : dims[0],
        height: state === 'error' ? null : dims[1],
        capturedAt: state === 'error' ? null : capturedAt,
        camera: state === 'error' ? null : camera,
        state,
        rating: weighted([
          [0, 55],
          [1, 4],
          [2, 8],
          [3, 14],
          [4, 12],
          [5, 7],
        ]),
        flag: weighted([
          ['none', 78],
          ['pick', 14],
          ['reject', 8],
        ]),
        label: weighted([
          [null, 82],
          ['red', 5],
          ['yellow', 4],
          ['green', 5],
          ['blue', 3],
          ['purple', 1],
        ]),
        colorNames: names,
        whiteBg: names[0] === 'white' ? 0.6 + random() * 0.4 : random() * 0.3,
        tags: [...tagSet],
        title: random() < 0.3 ? `${product.split('|').slice(-2).join(' ')} ${pick(SHOTS)}` : null,
      });
    }
  }
  return assets;
}

/**
 * Builds the catalog under `dir` (data/ and catalog/) and returns its facts. Throws
 * BenchError when the engine's command line cannot create the data dir.
 */
export async function buildSynthetic100k(dir, count = SYNTH_COUNT) {
  const t0 = now();
  const data = join(dir, 'data');
  const catalogDir = join(dir, 'catalog');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(catalogDir, { recursive: true });
  timed(process.execPath, [cli, '--data', data, 'catalog', 'add', catalogDir]);

  const groups = buildTagPaths();
  const { rows: tags, ids: tagIds } = tagRows(groups);
  const assets = planAssets(count, groups);
  const pool = placeholderPool(256);

  // Files: sparse, the planned size, one fixed mtime (whole seconds: the index keeps ms).
  const mtimeS = Math.floor(Date.UTC(2026, 10, 1) / 1000);
  const folders = new Set(assets.map((a) => a.folder));
  for (const folder of folders) mkdirSync(join(catalogDir, folder), { recursive: true });
  for (const a of assets) {
    if (a.state === 'missing') continue; // indexed once, since deleted
    const fd = openSync(join(catalogDir, a.relPath), 'w');
    ftruncateSync(fd, a.bytes);
    futimesSync(fd, mtimeS, mtimeS);
    closeSync(fd);
  }
  const filesSeconds = now() - t0;

  const db = new Database(join(data, 'packshot.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const catalog = db.prepare('SELECT id FROM catalogs').get();
  if (!catalog) throw new BenchError('synthetic catalog: `catalog add` registered no catalog');
  const insertTag = db.prepare('INSERT INTO tags (id, parent_id, name, path) VALUES (?, ?, ?, ?)');
  const insertAsset = db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, folder, bytes, mtime_ms, hash, format,
       width, height, state, error, thumb, added_at, kind, captured_at, camera,
       metadata, duplicate_of, placeholder, rating, flag, label, colors, color_names, white_bg,
       fill, sharpness, phash, similar_group)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO asset_tags (asset_id, tag_id, source) VALUES (?, ?, ?)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO asset_versions (asset_id, hash, bytes, width, height, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let links = 0;
  let duplicates = 0;
  let similarGroups = 0;
  db.transaction(() => {
    for (const t of tags) insertTag.run(t.id, t.parent, t.name, t.path);
    let similarLeft = 0;
    let similarGroup = null;
    const hashes = [];
    assets.forEach((a, i) => {
      const id = i + 1;
      let hash = createHash('sha256').update(`synthetic ${id}`).digest('hex');
      let duplicateOf = null;
      // ~1.5 % are byte-identical copies of an earlier asset (dupes).
      if (i > 100 && a.state === 'ok' && random() < 0.015) {
        duplicateOf = 1 + int(i);
        hash = hashes[duplicateOf - 1];
        duplicates++;
      }
      hashes.push(hash);
      if (similarLeft === 0 && random() < 0.02) {
        similarLeft = 3 + int(4);
        similarGroup = ++similarGroups;
      }
      const group = similarLeft > 0 ? similarGroup : null;
      if (similarLeft > 0) similarLeft--;
      const ok = a.state !== 'error';
      const image = ok && (a.kind === 'image' || a.kind === 'raw');
      const colors = image
        ? JSON.stringify(
            a.colorNames.map((name, k) => ({
              hex: PALETTE[name],
              name,
              share: k === 0 ? 0.6 : 0.25,
            })),
          )
        : null;
      // What indexing stores for a photo: EXIF/XMP facts, the file's own keywords.
      const [make, ...model] = (a.camera ?? '').split(' ');
      const metadata = ok
        ? JSON.stringify({
            capturedAt: a.capturedAt,
            make: a.camera ? make : null,
            model: a.camera ? model.join(' ') : null,
            lens: a.camera ? pick(['24-70mm F2.8', '100mm F2.8 Macro', '50mm F1.2']) : null,
            exposureTime: a.camera ? pick([1 / 125, 1 / 160, 1 / 200]) : null,
            fNumber: a.camera ? pick([5.6, 8, 11]) : null,
            iso: a.camera ? pick([100, 200, 400]) : null,
            focalLength: a.camera ? pick([50, 70, 100]) : null,
            gps: null,
            orientation: 1,
            title: a.title,
            description: null,
            keywords: [],
            hierarchicalKeywords: a.tags.slice(0, 6),
            creator: a.camera ? 'Studio' : null,
            copyright: a.camera ? '© 2026 Studio' : null,
            usageTerms: null,
            rating: a.rating || null,
            label: a.label,
            colorSpace: 'sRGB',
            iccProfile: 'sRGB IEC61966-2.1',
            bitDepth: 8,
            hasAlpha: a.format === 'png',
            sidecars: [],
          })
        : null;
      insertAsset.run(
        id,
        catalog.id,
        a.relPath,
        a.name,
        a.folder,
        a.bytes,
        mtimeS * 1000,
        hash,
        a.format,
        a.width,
        a.height,
        a.state,
        ok ? null : 'Could not decode the image: unexpected end of file',
        image ? 'ready' : 'none',
        mtimeS * 1000 + id,
        a.kind,
        a.capturedAt,
        a.camera,
        metadata,
        duplicateOf,
        image ? pool[id % pool.length] : null,
        a.rating,
        a.flag,
        a.label,
        colors,
        JSON.stringify(image ? a.colorNames : []),
        image ? a.whiteBg : null,
        image ? 0.3 + random() * 0.6 : null,
        image ? 50 + random() * 900 : null,
        image ? hash.slice(0, 16) : null,
        image ? group : null,
      );
      if (ok) insertVersion.run(id, hash, a.bytes, a.width, a.height, '2026-11-01T00:00:00Z');
      for (const path of a.tags) {
        insertLink.run(id, tagIds.get(path), 'user');
        links++;
      }
    });
  })();
  db.close();
  const seconds = now() - t0;
  const summary = {
    data,
    catalogDir,
    assets: assets.length,
    files: assets.filter((a) => a.state !== 'missing').length,
    folders: folders.size,
    tags: tags.length,
    links,
    duplicates,
    similarGroups,
    errors: assets.filter((a) => a.state === 'error').length,
    missing: assets.filter((a) => a.state === 'missing').length,
    seconds,
    filesSeconds,
  };
  writeFileSync(join(dir, 'synthetic.json'), JSON.stringify(summary, null, 2));
  log(
    `synthetic catalog: ${summary.assets.toLocaleString('en')} assets in ${summary.folders} folders, ` +
      `${summary.tags} tags, ${summary.links.toLocaleString('en')} tag links, built in ${seconds.toFixed(1)} s ` +
      `(files ${filesSeconds.toFixed(1)} s)`,
  );
  return summary;
}
