// Channel-pack export: N products (BENCH_EXPORT_PRODUCTS, default 500) × 4 images to
// amazon, shopify and ebay (12 renditions a product; 6,000 at the default), through the
// built command line, against a bare sharp loop doing the same resizes in the same run
// (the two take turns BENCH_EXPORT_RUNS times, default 1; median). Then a re-export with
// nothing changed (wall time, files written), and the export process's peak RSS.
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
const RUNS = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 1));
const RATE_TARGET = 0.9;
const REEXPORT_TARGET = 1;
/** What the engine renders at once (export-handlers: max(2, cores)); the bare loop matches. */
const PARALLEL = Math.max(2, cores);

/** The boxes of amazon-main, amazon-additional, shopify and ebay (resources/presets). */
const BOXES = [
  { roles: ['main'], width: 2000, height: 2000, fit: 'contain', quality: 90, trim: true },
  { roles: ['gallery'], width: 2000, height: 2000, fit: 'inside', quality: 90 },
  { roles: ['main', 'gallery'], width: 2048, height: 2048, fit: 'contain', quality: 85 },
  { roles: ['main', 'gallery'], width: 1600, height: 1600, fit: 'inside', quality: 90 },
];

const SOURCE = { width: 1600, height: 1200 };

export async function makeSources(dir) {
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

/**
 * Amazon main's trim and pad, as bare sharp: the margins found on a copy at most 480 px on
 * a side, cut, the product resized so its longer side fills 85 % of the square frame (never
 * up), padded with white. The same decodes and resizes the preset makes.
 */
async function trimAndPad(file, box) {
  const probe = await sharp(file)
    .autoOrient()
    .resize(480, 480, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width: pw, height: ph, channels } = probe.info;
  const { info } = await sharp(probe.data, { raw: { width: pw, height: ph, channels } })
    .trim({ background: '#ffffff', threshold: 12 })
    .toBuffer({ resolveWithObject: true });
  const sx = SOURCE.width / pw;
  const sy = SOURCE.height / ph;
  const left = Math.max(0, Math.floor((-info.trimOffsetLeft - 1) * sx));
  const top = Math.max(0, Math.floor((-info.trimOffsetTop - 1) * sy));
  const width =
    Math.min(SOURCE.width, Math.ceil((-info.trimOffsetLeft + info.width + 1) * sx)) - left;
  const height =
    Math.min(SOURCE.height, Math.ceil((-info.trimOffsetTop + info.height + 1) * sy)) - top;
  const frame = Math.max(width, height) / 0.85;
  const k = Math.min(1, box.width / frame);
  const side = Math.round(frame * k);
  const [w, h] = [Math.round(width * k), Math.round(height * k)];
  return sharp(file)
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .extract({ left, top, width, height })
    .resize(w, h, { fit: 'fill' })
    .extend({
      left: Math.floor((side - w) / 2),
      right: Math.ceil((side - w) / 2),
      top: Math.floor((side - h) / 2),
      bottom: Math.ceil((side - h) / 2),
      background: '#ffffff',
    });
}

/**
 * The bare loop: read, orient, flatten, resize (Amazon main trimmed and padded), JPEG at
 * the preset's quality, write; as many at once as the engine renders. What it leaves out is
 * Packshot's own work: hashing, metadata, the sRGB profile, fsync, the journal, the manifest.
 */
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
      const image = box.trim
        ? await trimAndPad(file, box)
        : sharp(file)
            .autoOrient()
            .flatten({ background: '#ffffff' })
            .resize(width, height, {
              fit: box.fit,
              background: '#ffffff',
              withoutEnlargement: box.fit === 'inside',
            });
      await image
        .jpeg({ quality: box.quality, progressive: true })
        .toFile(join(out, `${b}-${i}.jpg`));
    }
  };
  const t0 = now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds: now() - t0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    renditions: jobs.length,
  };
}

/** Products and links by file name, INSERTed; `run` is the build that lists the assets. */
export function seed(dataDir, run = packshot) {
  const assets = JSON.parse(run(dataDir, ['assets', '--json']).stdout);
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

    // Engine and bare loop in turns, each engine run into a fresh folder: the machine's load
    // falls on both alike. The first pack is then exported again with nothing changed.
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      const out = r === 0 ? pack : `${pack}-${r}`;
      const run = packshot(dataDir, ['export', '--channel', CHANNELS, '--out', out, '--json']);
      const summary = JSON.parse(run.stdout);
      if (summary.failed > 0 || summary.state !== 'done')
        throw new BenchError(
          `export: ${summary.failed} failed, state ${summary.state}: ${JSON.stringify(summary.errors.slice(0, 3))}`,
        );
      log(`export: the bare sharp loop (run ${r + 1} of ${RUNS})…`);
      const bare = await bareSharp(files, join(ctx.work, `export-bare-${r}`));
      runs.push({
        run,
        summary,
        bare,
        ratio: summary.rendered / run.seconds / (bare.renditions / bare.seconds),
      });
    }
    const mid = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)];
    const { run: first, summary, bare } = mid;
    const rate = summary.rendered / first.seconds;
    const bareRate = bare.renditions / bare.seconds;
    const peakRss = Math.max(...runs.map((x) => x.run.maxRssKb ?? 0)) || null;

    // What any command costs here to start and stop (node, the engine, SQLite), for context.
    const idle = packshot(dataDir, ['presets', 'list', '--json']);
    const before = snapshot(pack);
    const again = packshot(dataDir, ['export', '--channel', CHANNELS, '--out', pack, '--json']);
    const second = JSON.parse(again.stdout);
    const after = snapshot(pack);
    let written = 0;
    for (const [p, stamp] of after) if (before.get(p) !== stamp) written++;

    const cpu = (x) => (x === null ? 'n/a' : s(x));
    notes.push(
      `export: ${summary.rendered} renditions (${summary.planned} planned, ${summary.skipped} skipped by pre-flight) in ${s(first.seconds)} wall (${s(summary.seconds)} inside the engine, ${cpu(first.cpuSeconds)} CPU), ${(summary.bytesWritten / 1e6).toFixed(0)} MB`,
      `bare sharp loop: ${bare.renditions} renditions in ${s(bare.seconds)} (${s(bare.cpuSeconds)} CPU; read, orient, flatten, resize, Amazon main trimmed and padded, JPEG at the presets' quality, write; ${PARALLEL} at a time; no hashing, metadata, sRGB profile, fsync or journal)`,
      `engine ÷ bare per run (median shown): ${runs.map((x) => x.ratio.toFixed(2)).join(', ')}; CPU per rendition, engine ÷ bare: ${first.cpuSeconds ? (first.cpuSeconds / summary.rendered / (bare.cpuSeconds / bare.renditions)).toFixed(2) : 'n/a'}`,
      `re-export: ${second.unchanged} unchanged, ${second.rendered} rendered, ${written} files changed on disk, ${s(again.seconds)} wall (${s(second.seconds)} inside the engine)`,
    );
    return {
      notes,
      rows: [
        {
          figure: `export ${PRODUCTS} products × ${IMAGES} images to ${CHANNELS} (renditions/s)`,
          value: `${rate.toFixed(1)}/s`,
          baseline: `bare sharp ${bareRate.toFixed(1)}/s`,
          ratio: ratio(rate, bareRate),
          target: `≥ ${RATE_TARGET}× bare sharp (same parallelism)`,
          met: met(rate / bareRate >= RATE_TARGET),
        },
        {
          figure: 're-export, nothing changed (wall incl. process start; engine time)',
          value: `${s(again.seconds)} wall (${s(second.seconds)} in the engine), ${written} files written`,
          baseline: `\`presets list\` wall ${s(idle.seconds)}`,
          ratio: '—',
          target: `< ${REEXPORT_TARGET} s wall, 0 files`,
          met: met(again.seconds < REEXPORT_TARGET && written === 0 && second.rendered === 0),
        },
        {
          figure: 'export peak RSS (the engine process)',
          value: peakRss ? mb(peakRss) : 'n/a',
          baseline: '—',
          ratio: '—',
          target: '—',
          met: 'n/a',
        },
      ],
    };
  },
};
