// Cold scan into a fresh data dir, until every grid thumbnail is ready, against vipsthumbnail
// making the same 320 px WebP thumbnails of the same files with the same parallelism
// (xargs -P cores). Primary rows: where users see it, the engine already running (`serve`
// started beforehand and not counted, as in the app), then catalogs.add → jobs.wait.
// Secondary rows: the command line's two processes, `catalog add` + `scan --json`, each
// paying its own start-up. Runs alternate so machine noise falls on all alike; medians shown.
// Each side's CPU seconds (every thread; the app's `serve` from /proc, the CLI's and
// vipsthumbnail's from GNU time) are shown too: on a shared machine they hold when wall
// time does not.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  BenchError,
  cores,
  hasVips,
  listAll,
  log,
  median,
  met,
  now,
  packshot,
  parseScan,
  ratio,
  RUNS,
  s,
  startServe,
  tmpName,
  vipsthumbnailRun,
} from './lib.mjs';

// Issue 13's targets: the app ≤ 1.1× vipsthumbnail, the command line's two processes ≤ 1.3×.
const TARGET = { app: 1.1, cli: 1.3 };

/** Every file indexed with its thumbnail ready: the figure cannot pass on a no-op. */
function checkDone(what, thumbs, corpus) {
  const ready = thumbs.filter((t) => t === 'ready').length;
  if (thumbs.length !== corpus.files || ready !== corpus.files)
    throw new BenchError(
      `${what}: ${thumbs.length} of ${corpus.files} files listed, ${ready} thumbnails ready`,
    );
}

/**
 * jobs.wait until idle. The bridge closes a socket silent for 60 s (server-limits.ts), so a
 * slow machine's longer scan is waited for again; the call only reads totals, so repeating
 * it is harmless.
 */
async function waitIdle(serve) {
  for (;;) {
    try {
      return await serve.call('jobs.wait', {});
    } catch (error) {
      if (!/socket hang up|ECONNRESET/.test(error.message)) throw error;
      log('cold scan in the app: jobs.wait outlived the bridge idle timeout; waiting again');
    }
  }
}

async function inApp(work, dir, corpus) {
  const data = join(work, `data-${tmpName()}`);
  const serve = await startServe(data);
  try {
    const start = now();
    const cpuStart = serve.cpu();
    await serve.call('catalogs.add', { path: dir });
    const summary = await waitIdle(serve);
    const seconds = now() - start;
    const cpuEnd = serve.cpu();
    if (summary.assets !== corpus.files || summary.rendered < corpus.unique)
      throw new BenchError(
        `cold scan in the app: jobs.wait counted ${summary.assets} of ${corpus.files} files, rendered ${summary.rendered} of ${corpus.unique} distinct`,
      );
    const { items } = await listAll(serve);
    checkDone(
      'cold scan in the app',
      items.map((a) => a.thumb),
      corpus,
    );
    return { seconds, cpu: cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart };
  } finally {
    await serve.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

function twoProcesses(work, dir, corpus) {
  const data = join(work, `data-${tmpName()}`);
  try {
    const add = packshot(data, ['catalog', 'add', dir]);
    const scan = packshot(data, ['scan', '--json']);
    const summary = parseScan(scan.stdout, 'cold scan, CLI');
    if (summary.assets !== corpus.files)
      throw new BenchError(`cold scan, CLI: indexed ${summary.assets} of ${corpus.files} files`);
    const rows = JSON.parse(packshot(data, ['assets', '--json']).stdout);
    checkDone(
      'cold scan, CLI',
      rows.map((a) => a.thumbnail),
      corpus,
    );
    const cpu = add.cpuSeconds === null ? null : add.cpuSeconds + scan.cpuSeconds;
    return { seconds: add.seconds + scan.seconds, cpu };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

async function compare(ctx, label, dir, corpus) {
  const files = readdirSync(dir).map((name) => join(dir, name));
  const app = [];
  const cli = [];
  const vips = [];
  for (let i = 0; i < RUNS; i++) {
    log(`cold scan, ${label}: run ${i + 1} of ${RUNS}`);
    app.push(await inApp(ctx.work, dir, corpus));
    if (hasVips) vips.push(vipsthumbnailRun(files, ctx.work));
    cli.push(twoProcesses(ctx.work, dir, corpus));
  }
  const v = hasVips ? median(vips.map((r) => r.seconds)) : null;
  const vCpu = cpuMedian(vips);
  const row = (figure, runs, target) => {
    const o = median(runs.map((r) => r.seconds));
    return {
      figure,
      value: `${s(o)} (${(corpus.files / o).toFixed(1)} files/s)`,
      baseline: hasVips ? `vipsthumbnail ${s(v)}` : 'vipsthumbnail not installed',
      ratio: ratio(o, v),
      target: `≤ ${target}× vipsthumbnail`,
      met: met(v ? o / v <= target : null),
    };
  };
  // CPU: the same work priced in CPU seconds, the context for a noisy wall ratio.
  const cpuRow = (figure, runs) => {
    const c = cpuMedian(runs);
    return {
      figure,
      value: c === null ? 'n/a' : `${s(c)} CPU (${((1000 * c) / corpus.files).toFixed(0)} ms/file)`,
      baseline: vCpu === null ? 'n/a' : `vipsthumbnail ${s(vCpu)} CPU`,
      ratio: ratio(c, vCpu),
      target: 'context',
      met: 'n/a',
    };
  };
  const list = (runs) => runs.map((x) => x.seconds.toFixed(2)).join(', ') || '-';
  const cpuList = (runs) => runs.map((x) => x.cpu?.toFixed(2) ?? '?').join(', ') || '-';
  const size = `${corpus.files} files, ${corpus.unique} distinct, ${(corpus.bytes / 1e6).toFixed(0)} MB`;
  return {
    rows: [
      row(`cold scan, ${label} (${size}), in the app: catalogs.add → jobs.wait`, app, TARGET.app),
      cpuRow(`  …in the app, CPU seconds of \`serve\` (every thread)`, app),
      row(`  …CLI, two processes: catalog add + scan`, cli, TARGET.cli),
      cpuRow(`  …CLI, CPU seconds of both processes`, cli),
    ],
    note: `cold scan, ${label}: in the app ${list(app)} s (CPU ${cpuList(app)}); CLI ${list(cli)} s (CPU ${cpuList(cli)}); vipsthumbnail ${list(vips)} s (CPU ${cpuList(vips.map((r) => ({ cpu: r.cpuSeconds })))})`,
  };
}

/** Median CPU seconds of runs that report it; null when none does. */
function cpuMedian(runs) {
  const known = runs.map((r) => r.cpu ?? r.cpuSeconds).filter((c) => typeof c === 'number');
  return known.length > 0 ? median(known) : null;
}

export default {
  key: 'scan',
  title: 'cold scan vs vipsthumbnail',
  async run(ctx) {
    const photos = await ctx.photos();
    // Main row: distinct photos only, as a real shoot is. Second: the plasma package as
    // shipped, where one picture under many sizes lets the content-keyed cache help.
    const a = await compare(ctx, 'distinct photos', photos.distinctDir, photos.distinct);
    const b = await compare(ctx, 'plasma as shipped', photos.allDir, photos.all);
    return {
      rows: [...a.rows, ...b.rows],
      notes: [
        `main corpus: ${photos.distinct.name}: ${photos.distinct.files} distinct files${photos.distinct.nearCopiesDropped ? ` (${photos.distinct.nearCopiesDropped} near copies dropped)` : ''}`,
        `second corpus: ${photos.all.name}; parallelism ${cores}; ${RUNS} runs each, median shown; in the app: \`serve\` started before each run (not counted), fresh data dir`,
        a.note,
        b.note,
      ],
    };
  },
};
