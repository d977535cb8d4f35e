// The plan of the synthetic catalog: seeded names, folders, dates, tags and analysis for
// every asset, so each run builds the same library (synthetic-100k.mjs writes it).
import { rgbaToThumbHash } from 'thumbhash';
import {
  PRODUCT_TREE,
  VARIANTS,
  COLORS,
  MATERIALS,
  SHOTS,
  USAGE,
  STATUS,
  FIRST,
  LAST,
  WORDS,
  FORMATS,
  CAMERAS,
  ALL_CAMERAS,
  CAMERA_PREFIX,
  SIZES,
  PALETTE,
  PALETTE_NAMES,
} from './synthetic-vocabulary.mjs';

/** mulberry32: a small seeded PRNG, so every run builds the same catalog. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const random = prng(20261130);
export const int = (n) => Math.floor(random() * n);
export const pick = (list) => list[int(list.length)];
/** Zipf-ish: early entries are much more common, as with real keyword use. */
export const zipf = (list) => list[Math.floor(list.length * random() ** 2.2)];
export const weighted = (table) => {
  let r = random() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1][0];
};
export const pad = (n, width) => String(n).padStart(width, '0');

export function buildTagPaths() {
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
export function tagRows(groups) {
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

export function placeholderPool(n) {
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
export function planAssets(count, groups) {
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
