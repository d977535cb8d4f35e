// `npm run bench`: every figure, each against a baseline measured in the same run, then
// one table. The engine is reached only through its built command line and HTTP bridge
// (except the similar micro-bench).
//
//   BENCH_ONLY=scan,cores,paint,restart,rss,watch,similar,search,rights,tagging,scroll,export,
//              patterns,pdf,video,models,renditions,ai,whitebg
//                     a subset (default: all, in this order)
//   BENCH_100K=N      files in the generated tree for restart and rss (default 100000)
//   BENCH_RUNS=N      runs per timed figure, median shown (default 3)
//   BENCH_WATCH=N     files copied into the watched folder (default 1000)
//   BENCH_SETTLE_S=S  watch: how long nothing may change before missing files count as missed
//   BENCH_REUSE_INDEX=1  keep/reuse the indexed big tree while the build is unchanged
//   BENCH_EXPORT_PRODUCTS=N  products (× 4 images, × 3 channels) for export (default 500)
//   BENCH_EXPORT_RUNS=N  export: engine and bare loop take turns N times, median (default 1)
//   BENCH_SYNTH=N     assets in the synthetic catalog for search, rights, tagging, scroll (100000)
//   BENCH_SEARCH_BEFORE=PATH  search: another build's out/main/cli.js timed beside for first use
//   BENCH_SEARCH_FIRST=N  search: rounds of each query's first use after a change (default 5)
//   BENCH_SCALING_FILES=N  cores: N of the distinct photos only (default: all)
//   BENCH_PDFS=N      pdf: generated manuals (default 120; half as many forensic copies join)
//   BENCH_VIDEOS=N    video: distinct generated clips (default 24)
//   BENCH_MODEL_COPIES=N  models: distinct copies of the assimp glTF2 files (default 4)
//   BENCH_RENDITIONS=N  renditions: distinct photos rendered cold by URL (default 60)
//   BENCH_AI_IMAGES=N  ai: distinct photos analysed per task (default 40)
//
// Figures: fig-cold-scan.mjs, fig-scaling.mjs, fig-first-paint.mjs, fig-restart.mjs, fig-peak-rss.mjs,
// fig-watch.mjs, fig-similar.mjs (a micro-bench of the near-duplicate index; the engine's
// module, in this process); over a synthetic 100k catalog (synthetic-100k.mjs):
// fig-search.mjs, fig-rights-search.mjs (rights terms, on a copy given licences and
// approvals), fig-tagging.mjs, fig-scroll.mjs; fig-export.mjs; and fig-patterns.mjs (users'
// regexes and globs on RE2 against native RegExp, in this process); fig-pdf.mjs (PDF page-1
// thumbnails against pdftoppm); fig-video-posters.mjs (video posters in the app against
// ffmpeg's first frame per file); fig-model-thumbs.mjs (3D thumbnails of assimp-testmodels'
// glTF files against a bare gltf-transform read); fig-renditions.mjs (renditions by URL: cold
// renders against a bare sharp loop, cached p95 over HTTP, one render for 200 requests);
// fig-ai.mjs (objects, faces and text per second against a bare loop of the same models, and
// a rating edit's p95 while the AI job runs);
// fig-whitebg.mjs (the white-background pass on a 2000 × 1500 studio shot, in this process).
// Exit 1 when a figure could not be measured (the engine lacks what it needs, or failed); an
// unmet target is printed, not an exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from '../ensure-build.mjs';
import { distinctCorpus, photoCorpus } from './corpus.mjs';
import { describePackages, distinctPhotos } from './distinct-photos.mjs';
import coldScan from './fig-cold-scan.mjs';
import scaling from './fig-scaling.mjs';
import exportPacks from './fig-export.mjs';
import firstPaint from './fig-first-paint.mjs';
import patterns from './fig-patterns.mjs';
import pdf from './fig-pdf.mjs';
import modelThumbs from './fig-model-thumbs.mjs';
import peakRss from './fig-peak-rss.mjs';
import restart from './fig-restart.mjs';
import rightsSearch from './fig-rights-search.mjs';
import similar from './fig-similar.mjs';
import scroll from './fig-scroll.mjs';
import search from './fig-search.mjs';
import tagging from './fig-tagging.mjs';
import videoPosters from './fig-video-posters.mjs';
import watch from './fig-watch.mjs';
import renditions from './fig-renditions.mjs';
import ai from './fig-ai.mjs';
import whiteBg from './fig-whitebg.mjs';
import { COUNT, indexTree } from './hundred-k.mjs';
import { BenchError, cores, debianPackages, log, root, RUNS } from './lib.mjs';
import { buildSynthetic100k } from './synthetic-100k.mjs';

const FIGURES = [
  coldScan,
  scaling,
  firstPaint,
  restart,
  peakRss,
  watch,
  similar,
  search,
  rightsSearch,
  tagging,
  scroll,
  exportPacks,
  patterns,
  pdf,
  videoPosters,
  modelThumbs,
  renditions,
  ai,
  whiteBg,
];
const ALIASES = {
  cold: 'scan',
  scaling: 'cores',
  'first-paint': 'paint',
  'peak-rss': 'rss',
  memory: 'rss',
  watcher: 'watch',
  tags: 'tagging',
  grid: 'scroll',
  regex: 'patterns',
  pdfs: 'pdf',
  documents: 'pdf',
  videos: 'video',
  posters: 'video',
  rendition: 'renditions',
  ocr: 'ai',
  faces: 'ai',
  objects: 'ai',
  'white-background': 'whitebg',
};

const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((k) => k.trim())
  .filter(Boolean)
  .map((k) => ALIASES[k] ?? k);
const unknown = only.filter((k) => !FIGURES.some((f) => f.key === k));
if (unknown.length > 0) {
  console.error(
    `bench: unknown figure(s) in BENCH_ONLY: ${unknown.join(', ')} (known: ${FIGURES.map((f) => f.key).join(', ')})`,
  );
  process.exit(2);
}
const selected = only.length === 0 ? FIGURES : FIGURES.filter((f) => only.includes(f.key));

if (!ensureBuild(root)) {
  console.error('bench: the app does not build (see above); no figures');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'packshot-bench-'));
const memo = (fn) => {
  let promise;
  return () => (promise ??= fn());
};
const ctx = {
  work,
  failures: [],
  photos: memo(async () => {
    const allDir = join(work, 'corpus');
    const all = await photoCorpus(allDir);
    // The main corpus: one file per picture from every wallpaper package installed; with
    // none, the generated photos (already one per content).
    const distinctDir = join(work, 'distinct');
    const found = await distinctPhotos(distinctDir);
    const distinct =
      found.files > 0
        ? { ...found, name: `distinct pictures from ${describePackages(found.packages)}` }
        : { ...distinctCorpus(allDir, distinctDir), name: `${all.name}, one per content` };
    return { allDir, all, distinctDir, distinct };
  }),
  indexed100k: memo(() => indexTree(work)),
  synthetic100k: memo(() => buildSynthetic100k(join(work, 'synthetic-100k'))),
};

const rows = [];
const notes = [];
const benchStart = Date.now();
try {
  for (const figure of selected) {
    const started = Date.now();
    log(`── ${figure.title} (${figure.key})`);
    try {
      const out = await figure.run(ctx);
      rows.push(...out.rows);
      notes.push(...out.notes.map((n) => `[${figure.key}] ${n}`));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${figure.key} FAILED: ${message}`);
      if (error?.rows) rows.push(...error.rows);
      else
        rows.push({
          figure: figure.title,
          value: 'FAILED',
          baseline: '—',
          ratio: '—',
          target: '—',
          met: 'error',
        });
      if (error?.notes) notes.push(...error.notes.map((n) => `[${figure.key}] ${n}`));
      ctx.failures.push(`${figure.key}: ${message}`);
      if (!(error instanceof BenchError)) console.error(error?.stack ?? error);
    }
    notes.push(`[${figure.key}] took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const headers = ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'];
const table = rows.map((r) => [r.figure, r.value, r.baseline, r.ratio, r.target, r.met]);
const widths = headers.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();

console.log(
  `\nPackshot bench — ${cores} cores, ${RUNS} run(s) per timed figure (median), big tree ${COUNT.toLocaleString('en')} files, ${((Date.now() - benchStart) / 1000 / 60).toFixed(1)} min\n`,
);
console.log(line(headers));
console.log(line(widths.map((w) => '─'.repeat(w))));
for (const r of table) console.log(line(r));
console.log('\nDetails:');
for (const n of notes) console.log(`  ${n}`);
console.log('\nDebian packages used:');
for (const p of debianPackages())
  console.log(`  ${p.name.padEnd(28)} ${p.version.padEnd(24)} ${p.use}`);
if (ctx.failures.length > 0) {
  console.log('\nNot measured / failed:');
  for (const f of ctx.failures) console.log(`  ${f}`);
  process.exitCode = 1;
}
