// Channel-pack export: N products (BENCH_EXPORT_PRODUCTS, default 500) × 4 images to
// amazon, shopify and ebay (12 renditions a product; 6,000 at the default), through the
// built command line, against a bare sharp loop doing the same resizes in the same run.
// Then a re-export with nothing changed (time, files written), and the export's peak RSS.
// Source images are generated with sharp (1600 × 1200 JPEG, a textured object on white,
// each different so each is its own asset).
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { BenchError, cores, log, mb, met, now, packshot, parseScan, ratio, s } from './lib.mjs';

const PRODUCTS = Math.max(1, Number(process.env.BENCH_EXPORT_PRODUCTS ?? 500));
const IMAGES = 4;
const CHANNELS = 'amazon,shopify,ebay';
const RATE_TARGET = 0.8;
const REEXPORT_TARGET = 2;

/** The boxes of amazon-main, amazon-additional, shopify and ebay (resources/presets). */
const BOXES = [
  { roles: ['main'], width: 2000, height: 2000, fit: 'contain', quality: 90 },
  { roles: ['gallery'], width: 2000, height: 2000, fit: 'inside', quality: 90 },
  { roles: ['main', 'gallery'], width: 2048, height: 2048, fit: 'contain', quality: 85 },
  { roles: ['main', 'gallery'], width: 1600, height: 1600, fit: 'inside', quality: 90 },
];

const SOURCE = { width: 1600, height: 1200 };

async function makeSources(dir) {
  mkdirSync(dir, { recursive: true });
  const { width: W, height: H } = SOURCE;
  const texture = await sharp({
    create: {
      width: 960,
      height: 720,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 24 },
    },
  })
    .png()
    .toBuffer();
  const files = [];
  let next = 0;
  const one = async (i) => {
    const hue = (i * 37) % 360;
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
        <rect width="960" height="720" rx="90" fill="hsl(${hue},60%,45%)"/>
        <text x="80" y="400" font-size="160" fill="white">#${i}</text></svg>`,
    );
    const object = await sharp(svg)
      .composite([{ input: texture, blend: 'soft-light' }])
      .png()
      .toBuffer();
    const file = join(dir, `p${String(Math.floor(i / IMAGES)).padStart(4, '0')}-${i % IMAGES}.jpg`);
    await sharp({ create: { width: W, height: H, channels: 3, background: '#fff' } })
      .composite([{ input: object, left: 320, top: 240 }])
      .jpeg({ quality: 90 })
      .toFile(file);
    files.push(file);
  };
  const worker = async () => {
    for (let i = next++; i < PRODUCTS * IMAGES; i = next++) await one(i);
  };
  await Promise.all(Array.from({ length: Math.max(2, cores) }, worker));
  return files.sort();
}

/** The bare loop: read, orient, flatten, resize, encode, write; as many at once as the engine. */
async function bareSharp(files, out) {
  mkdirSync(out, { recursive: true });
  const jobs = [];
  for (const file of files) {
    const role = file.endsWith('-0.jpg') ? 'main' : 'gallery';
    BOXES.forEach((box, b) => {
      if (box.roles.includes(role)) jobs.push({ file, box, b });
    });
  }
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      const { file, box, b } = jobs[i];
      // As the presets do: never scale up; a contain box shrinks instead, keeping its shape.
      const k = Math.min(1, 1 / Math.min(box.width / SOURCE.width, box.height / SOURCE.height));
      const [width, height] =
        box.fit === 'contain'
          ? [Math.round(box.width * k), Math.round(box.height * k)]
          : [box.width, box.height];
      await sharp(file)
        .autoOrient()
        .flatten({ background: '#ffffff' })
        .resize(width, height, {
          fit: box.fit,
          background: '#ffffff',
          withoutEnlargement: box.fit === 'inside',
        })
        .jpeg({ quality: box.quality, progressive: true })
        .toFile(join(out, `${b}-${i}.jpg`));
    }
  };
  const t0 = now();
  await Promise.all(Array.from({ length: Math.max(2, cores) }, worker));
  return { seconds: now() - t0, renditions: jobs.length };
}

function seed(dataDir) {
  const assets = JSON.parse(packshot(dataDir, ['assets', '--json']).stdout);
  const db = new Database(join(dataDir, 'packshot.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const t = Date.now();
    const product = db.prepare(
      'INSERT INTO products (sku, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    const link = db.prepare(
      'INSERT INTO product_links (product_id, asset_id, role, position, linked_at) VALUES (?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      const ids = new Map();
      for (const a of assets) {
        const m = /p(\d+)-(\d)\.jpg$/.exec(a.path);
        if (!m) continue;
        const sku = `BENCH-${m[1]}`;
        if (!ids.has(sku))
          ids.set(sku, Number(product.run(sku, `Product ${m[1]}`, t, t).lastInsertRowid));
        const n = Number(m[2]);
        link.run(ids.get(sku), a.id, n === 0 ? 'main' : 'gallery', n === 0 ? 0 : n - 1, t);
      }
    })();
  } finally {
    db.close();
  }
  return assets.length;
}

function snapshot(dir) {
  const out = new Map();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    const st = statSync(p);
    out.set(p, `${st.ino}:${st.mtimeMs}`);
  }
  return out;
}

export default {
  key: 'export',
  title: 'channel-pack export',
  async run(ctx) {
    const notes = [];
    const sources = join(ctx.work, 'export-sources');
    const dataDir = join(ctx.work, 'export-data');
    const pack = join(ctx.work, 'export-pack');
    log(`export: generating ${PRODUCTS * IMAGES} source images with sharp…`);
    let t = now();
    const files = await makeSources(sources);
    notes.push(`generated ${files.length} sources (1600 × 1200 JPEG, sharp) in ${s(now() - t)}`);
    packshot(dataDir, ['catalog', 'add', sources]);
    t = now();
    const scan = parseScan(packshot(dataDir, ['scan', '--json']).stdout, 'export');
    notes.push(`indexed them in ${s(now() - t)} (${scan.assets} assets, ${scan.errors} errors)`);
    const linked = seed(dataDir);
    log(`export: ${PRODUCTS} products, ${linked} images linked; exporting to ${CHANNELS}…`);

    const first = packshot(dataDir, ['export', '--channel', CHANNELS, '--out', pack, '--json']);
    const summary = JSON.parse(first.stdout);
    if (summary.failed > 0 || summary.state !== 'done')
      throw new BenchError(
        `export: ${summary.failed} failed, state ${summary.state}: ${JSON.stringify(summary.errors.slice(0, 3))}`,
      );
    const rate = summary.rendered / first.seconds;

    log('export: the bare sharp loop…');
    const bare = await bareSharp(files, join(ctx.work, 'export-bare'));
    const bareRate = bare.renditions / bare.seconds;

    // What any command costs here to start and stop (node, the engine, SQLite), for context.
    const idle = packshot(dataDir, ['presets', 'list', '--json']);
    const before = snapshot(pack);
    const again = packshot(dataDir, ['export', '--channel', CHANNELS, '--out', pack, '--json']);
    const second = JSON.parse(again.stdout);
    const after = snapshot(pack);
    let written = 0;
    for (const [p, stamp] of after) if (before.get(p) !== stamp) written++;

    notes.push(
      `export: ${summary.rendered} renditions (${summary.planned} planned, ${summary.skipped} skipped by pre-flight) in ${s(first.seconds)} wall (${s(summary.seconds)} inside the engine), ${(summary.bytesWritten / 1e6).toFixed(0)} MB`,
      `bare sharp loop: ${bare.renditions} renditions in ${s(bare.seconds)} (read, orient, flatten, resize, JPEG, write; ${Math.max(2, cores)} at a time; no trim/pad for Amazon main, no sRGB profile or metadata)`,
      `re-export: ${second.unchanged} unchanged, ${second.rendered} rendered, ${written} files changed on disk, ${s(again.seconds)} wall`,
    );
    return {
      notes,
      rows: [
        {
          figure: `export ${PRODUCTS} products × ${IMAGES} images to ${CHANNELS} (renditions/s)`,
          value: `${rate.toFixed(1)}/s`,
          baseline: `bare sharp ${bareRate.toFixed(1)}/s`,
          ratio: ratio(rate, bareRate),
          target: `≥ ${RATE_TARGET}× bare sharp`,
          met: met(rate / bareRate >= RATE_TARGET),
        },
        {
          figure: 're-export, nothing changed (engine time; wall incl. process start)',
          value: `${s(second.seconds)} (wall ${s(again.seconds)}), ${written} files written`,
          baseline: `\`presets list\` wall ${s(idle.seconds)}`,
          ratio: '—',
          target: `< ${REEXPORT_TARGET} s, 0 files`,
          met: met(second.seconds < REEXPORT_TARGET && written === 0 && second.rendered === 0),
        },
        {
          figure: 'export peak RSS',
          value: first.maxRssKb ? mb(first.maxRssKb) : 'n/a',
          baseline: '—',
          ratio: '—',
          target: '—',
          met: 'n/a',
        },
      ],
    };
  },
};
