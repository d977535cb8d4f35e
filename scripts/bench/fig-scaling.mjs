// Every core used: a cold `packshot scan` of the distinct photos at one core (`taskset -c 0`:
// the OS then tells Packshot it has one core, so its thread pool, index queue and libvips
// size themselves to it) and at every core, in files per second, against vipsthumbnail
// making the same 320 px WebP thumbnails at one core (`taskset -c 0 xargs -P 1`) and at
// every core (`xargs -P cores`) in the same run. Each side's scaling (all ÷ one) is the
// figure: Packshot's against vipsthumbnail's says what its serial parts cost.
//
//   BENCH_SCALING_FILES=N   N of the distinct photos only, spread over the list (a quick check)
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  BenchError,
  cli,
  cores,
  hasTaskset,
  hasVips,
  log,
  median,
  met,
  now,
  parseScan,
  RUNS,
  timed,
  tmpName,
  vipsthumbnail,
} from './lib.mjs';

/** Packshot's scaling should be at least this share of vipsthumbnail's. */
const TARGET = 0.9;

/** `catalog add` (not counted) then a timed `scan --json`, pinned to `cpus` when given. */
function scan(work, dir, files, cpus) {
  const data = join(work, `data-${tmpName()}`);
  const pin = cpus === undefined ? [] : ['-c', cpus];
  const run = (args) =>
    pin.length
      ? timed('taskset', [...pin, process.execPath, cli, '--data', data, ...args])
      : timed(process.execPath, [cli, '--data', data, ...args]);
  try {
    run(['catalog', 'add', dir]);
    const started = now();
    const out = run(['scan', '--json']);
    const seconds = now() - started;
    const summary = parseScan(out.stdout, 'scaling scan');
    if (summary.assets !== files)
      throw new BenchError(`scaling scan: indexed ${summary.assets} of ${files} files`);
    return seconds;
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

function corpus(ctx, photos) {
  const wanted = Number(process.env.BENCH_SCALING_FILES ?? 0);
  const names = readdirSync(photos.distinctDir).sort();
  if (!(wanted > 0) || wanted >= names.length) return { dir: photos.distinctDir, names };
  // Spread over the whole list: names sort by package, and packages differ in size and format.
  const picked = Array.from(
    { length: wanted },
    (_, i) => names[Math.floor((i * names.length) / wanted)],
  );
  const dir = join(ctx.work, 'scaling-subset');
  mkdirSync(dir, { recursive: true });
  for (const name of picked) copyFileSync(join(photos.distinctDir, name), join(dir, name));
  return { dir, names: picked };
}

export default {
  key: 'cores',
  title: 'scaling: one core against every core',
  async run(ctx) {
    if (!hasTaskset) throw new BenchError('taskset (util-linux) is not installed');
    if (!hasVips) throw new BenchError('vipsthumbnail (libvips-tools) is not installed');
    const photos = await ctx.photos();
    const { dir, names } = corpus(ctx, photos);
    const paths = names.map((name) => join(dir, name));
    const n = paths.length;
    const runs = { one: [], all: [], vipsOne: [], vipsAll: [] };
    for (let i = 0; i < RUNS; i++) {
      log(`scaling: run ${i + 1} of ${RUNS} (${n} files)`);
      runs.one.push(scan(ctx.work, dir, n, '0'));
      runs.vipsOne.push(vipsthumbnail(paths, ctx.work, { parallel: 1, cpus: '0' }));
      runs.all.push(scan(ctx.work, dir, n));
      runs.vipsAll.push(vipsthumbnail(paths, ctx.work));
    }
    const rate = (key) => n / median(runs[key]);
    const [one, all, vOne, vAll] = [rate('one'), rate('all'), rate('vipsOne'), rate('vipsAll')];
    const scaling = all / one;
    const vipsScaling = vAll / vOne;
    const fps = (x) => `${x.toFixed(1)} files/s`;
    const list = (key) => runs[key].map((x) => x.toFixed(2)).join(', ');
    return {
      rows: [
        {
          figure: `scaling, CLI scan of ${n} distinct photos: 1 core → ${cores} cores`,
          value: `${fps(one)} → ${fps(all)} (×${scaling.toFixed(2)})`,
          baseline: `vipsthumbnail ${fps(vOne)} → ${fps(vAll)} (×${vipsScaling.toFixed(2)})`,
          ratio: `${(scaling / vipsScaling).toFixed(2)}× its scaling`,
          target: `≥ ${TARGET}× vipsthumbnail's scaling`,
          met: met(cores > 1 ? scaling / vipsScaling >= TARGET : null),
        },
        {
          figure: `  …at ${cores} cores, time per file against vipsthumbnail`,
          value: `${((1000 * 1) / all).toFixed(0)} ms/file`,
          baseline: `vipsthumbnail ${((1000 * 1) / vAll).toFixed(0)} ms/file`,
          ratio: `${(vAll / all).toFixed(2)}×`,
          target: '—',
          met: 'n/a',
        },
      ],
      notes: [
        `scan only (catalog add not counted), process start-up included; one core: taskset -c 0 (Packshot then sizes its pool, queue and libvips to 1 core; vipsthumbnail via xargs -P 1); all: ${cores} cores, xargs -P ${cores}; ${RUNS} runs, median`,
        `seconds: one core ${list('one')}; all ${list('all')}; vipsthumbnail one ${list('vipsOne')}; all ${list('vipsAll')}`,
      ],
    };
  },
};
