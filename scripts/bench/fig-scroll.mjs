// Scrolling the grid over a 100,000-asset result in Chromium: `serve` over the synthetic
// catalog (synthetic-100k.mjs), the real UI opened with playwright-core in Debian's
// Chromium (flags as playwright.config.ts), and the grid scrolled programmatically:
//   1. steady: scrollTop += 40 px per animation frame (a brisk wheel), BENCH_SCROLL_S seconds;
//   2. sweep: through the whole list, top to bottom, in BENCH_SWEEP_FRAMES frames;
//   3. jumps: scrollTop to the end, the middle and the top, then the End and Home keys; each
//      timed until the rows in view are painted (no cell loading, every image decoded, one
//      more frame), then held 30 frames.
// Frame times are the gaps between requestAnimationFrame timestamps (p95, max, count over
// 50 ms); long animation frames and long tasks are counted by PerformanceObserver. The run is
// traced (RunTask events only): each main-thread task's thread time is the grid's own cost,
// which a busy machine does not stretch the way it stretches frame gaps; summed from one
// frame's commit to the next, it is what each frame cost the page (the static page is traced
// the same way). serve's CPU while the grid scrolls is read from /proc: on a shared machine
// it competes with the page for the same cores; so is every process's under this one
// (serve, its exiftool and AI process, Chromium's browser, renderer, GPU and utility
// processes: proc-tree.mjs), and serve's jobs still running after the scroll.
// The synthetic rows have no thumbnails: each visible cell asks for one, gets 404, and keeps
// its ThumbHash placeholder (from a pool of 256, so most decodes are cache hits; image decode
// of real thumbnails is not in these figures).
// Baseline, same browser, same run: the same steady scroll over a plain page of 12,500 static
// rows (no React, no data): what this Chromium, here, does at best.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { stats } from './fig-search.mjs';
import { BenchError, log, met, startServe } from './lib.mjs';
import { cpuBetween, sampleTree } from './proc-tree.mjs';

const TARGET_MS = 50;
const STEADY_S = Math.max(2, Number(process.env.BENCH_SCROLL_S ?? 10));
const SWEEP_FRAMES = Math.max(60, Number(process.env.BENCH_SWEEP_FRAMES ?? 600));
const CHROMIUM = process.env.PACKSHOT_CHROMIUM?.trim() || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/* global document, requestAnimationFrame, KeyboardEvent -- drive() runs in the page */
/** Runs in the page: scrolls `selector` and records every frame and each jump's time to paint. */
async function drive({ selector, rowsIn, steadyS, sweepFrames, keys }) {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  const long = { loaf: [], longtask: [], worst: null };
  // The longest LoAF's attribution: its part of the run (marks), scripts, render/style split.
  const marks = [];
  const observers = ['long-animation-frame', 'longtask'].map((type) => {
    const o = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        (type === 'longtask' ? long.longtask : long.loaf).push(e.duration);
        if (type === 'longtask' || (long.worst && long.worst.duration >= e.duration)) continue;
        const end = e.startTime + e.duration;
        long.worst = {
          duration: e.duration,
          part: marks.filter((m) => m.t <= e.startTime).at(-1)?.name ?? 'start',
          blocking: e.blockingDuration,
          scriptMs: (e.renderStart || end) - e.startTime,
          renderMs: e.renderStart ? end - e.renderStart : 0,
          styleLayoutMs: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((x) => ({
            ms: x.duration,
            forced: x.forcedStyleAndLayoutDuration,
            what: `${x.invokerType} ${x.invoker} ${x.sourceFunctionName || ''}`.trim(),
          })),
        };
      }
    });
    try {
      o.observe({ type, buffered: false });
    } catch {
      long[type === 'longtask' ? 'longtask' : 'loaf'] = null; // not in this browser
    }
    return o;
  });
  const frames = [];
  let last = null;
  const frame = () =>
    new Promise((resolve) =>
      requestAnimationFrame((t) => {
        if (last !== null) frames.push(t - last);
        last = t;
        resolve(t);
      }),
    );
  // Painted: every row in view has its cells (none loading) and its images decoded. Only the
  // rows near the view are measured: the grid renders a few rows (in slot order: each is
  // measured); the static page's 12,500 are in order, so a binary search finds the first in
  // view. Measuring every one of those cost each of its jumps' first frames 10–120 ms of
  // the bench's own script (more when traced), counted as the page's frame.
  const rowParent = el.querySelector(rowsIn) ?? el;
  const painted = () => {
    const box = el.getBoundingClientRect();
    const all = rowParent.children;
    const rows = [];
    if (all.length <= 200) {
      for (const row of all) {
        const r = row.getBoundingClientRect();
        if (r.bottom > box.top && r.top < box.bottom) rows.push(row);
      }
    } else {
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid].getBoundingClientRect().bottom <= box.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < all.length && all[i].getBoundingClientRect().top < box.bottom; i++)
        rows.push(all[i]);
    }
    for (const row of rows) {
      if (row.querySelector('[aria-busy=true]')) return false;
      for (const img of row.querySelectorAll('img')) if (!img.complete) return false;
    }
    return rows.length > 0;
  };
  // A jump: from the change until the frame after the one whose DOM shows every row in
  // view (that frame's paint is done when the next one starts), then held 30 frames.
  const jumps = [];
  const jump = async (name, act) => {
    const t0 = performance.now();
    marks.push({ name: `jump ${name}`, t: t0 });
    act();
    let ms = null;
    for (let i = 0; i < 1200 && ms === null; i++) {
      await frame();
      if (painted()) ms = (await frame()) - t0;
    }
    jumps.push({ name, ms });
    for (let i = 0; i < 30; i++) await frame();
  };
  await frame();
  const start = performance.now();
  marks.push({ name: 'steady', t: start });
  while (performance.now() - start < steadyS * 1000) {
    el.scrollTop += 40;
    await frame();
  }
  const steadyFrames = frames.length;
  marks.push({ name: 'sweep', t: performance.now() });
  const max = el.scrollHeight - el.clientHeight;
  for (let i = 1; i <= sweepFrames; i++) {
    el.scrollTop = (max * i) / sweepFrames;
    await frame();
  }
  const sweepEnd = frames.length;
  for (const [name, at] of [
    ['end', max],
    ['middle', max / 2],
    ['top', 0],
  ])
    await jump(name, () => (el.scrollTop = at));
  if (keys) {
    // The keyboard's jumps: End selects the last cell and scrolls it into view, Home the first.
    el.focus();
    const press = (key) => el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await jump('End key', () => press('End'));
    await jump('Home key', () => press('Home'));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the observers report
  for (const o of observers) o.disconnect();
  return { frames, steadyFrames, sweepEnd, jumps, long, scrollHeight: el.scrollHeight };
}

/** A plain page of static rows, scrolled the same way (the baseline). */
const PLAIN_PAGE = `<!doctype html><style>body{margin:0}#s{height:100vh;overflow-y:auto}
.r{height:220px;display:flex;gap:8px}.c{flex:1;background:#ddd;margin:4px}</style>
<div id="s"></div><script>const s=document.getElementById('s');let h='';
for(let i=0;i<12500;i++)h+='<div class="r">'+'<div class="c"></div>'.repeat(8)+'</div>';
s.innerHTML=h;</script>`;

/**
 * From a Chromium trace: the page's main-thread tasks by thread (CPU) time, which other
 * processes on a busy machine do not stretch the way they stretch frame gaps; and the same
 * by frame: the thread time of the tasks from one frame's commit to the next, what the
 * frame costs the page whatever else the machine runs.
 */
function mainThreadCpu(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    if (e.name !== 'RunTask' && e.name !== 'Commit') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  const ms = (e) => (e.tdur ?? e.dur) / 1000;
  const busiest = [...byThread.values()]
    .map((list) => list.sort((a, b) => a.ts - b.ts))
    .sort(
      (a, b) =>
        sum(b.filter((e) => e.name === 'RunTask').map(ms)) -
        sum(a.filter((e) => e.name === 'RunTask').map(ms)),
    )[0];
  const tasks = [];
  const frames = [];
  let frame = 0;
  let task = null;
  for (const e of busiest ?? []) {
    if (e.name === 'RunTask') {
      tasks.push(ms(e));
      frame += ms(e);
      task = e;
    } else if (task && e.ts >= task.ts && e.ts <= task.ts + task.dur) {
      // A commit ends the frame its task belongs to (that task's time counts in it).
      frames.push(frame);
      frame = 0;
    }
  }
  return {
    totalMs: sum(tasks),
    ...stats(tasks.length ? tasks : [0]),
    over: tasks.filter((t) => t > TARGET_MS).length,
    frames: { count: frames.length, ...stats(frames.length ? frames : [0]) },
    framesOver: frames.filter((t) => t > TARGET_MS).length,
  };
}

/** User + system CPU seconds of a process so far (Linux /proc), null elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return null;
  }
}

/** A V8 CPU profile of the page (scroll-ab.mjs --profile), written as a .cpuprofile. */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/** The jobs the engine has running or queued, with their progress (what runs beside the grid). */
function jobsLine(list) {
  const rows = Array.isArray(list) ? list : (list?.jobs ?? null);
  if (!rows) return 'n/a';
  const live = rows.filter((j) => j.state === 'running' || j.state === 'queued');
  return live.length === 0
    ? 'none running'
    : live
        .map(
          (j) =>
            `${j.name} ${j.state} ${j.done ?? j.progress?.done ?? '?'}/${j.total ?? j.progress?.total ?? '?'}`,
        )
        .join(', ');
}

function summarize(result) {
  const s = stats(result.frames);
  return {
    count: result.frames.length,
    ...s,
    over: result.frames.filter((f) => f > TARGET_MS).length,
    steady: stats(result.frames.slice(0, result.steadyFrames)),
    sweep: stats(result.frames.slice(result.steadyFrames, result.sweepEnd)),
    jumpFrames: stats(result.frames.slice(result.sweepEnd)),
    jumps: result.jumps,
    loaf: result.long.loaf,
    worstLoaf: result.long.worst,
    longtask: result.long.longtask,
  };
}

export default {
  key: 'scroll',
  title: 'grid scroll over 100k',
  async run(ctx) {
    if (!existsSync(CHROMIUM))
      throw new BenchError(`no Chromium at ${CHROMIUM} (set PACKSHOT_CHROMIUM)`);
    const synth = await ctx.synthetic100k();
    const serve = await startServe(synth.data, ctx.cli);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    let grid;
    let plain;
    let shown;
    try {
      await serve.call('jobs.wait', {});
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(serve.url);
      await page.locator('[data-testid=grid-cell]').first().waitFor({ timeout: 60_000 });
      const rows = Number(await page.locator('[data-testid=grid]').getAttribute('aria-rowcount'));
      const columns = Number(
        await page.locator('[data-testid=grid]').getAttribute('aria-colcount'),
      );
      if (rows * columns < synth.assets)
        throw new BenchError(`the grid shows ${rows} rows of ${columns}, not ${synth.assets}`);
      log(`scrolling ${rows} rows of ${columns} in Chromium…`);
      // Traced (RunTask events only, light): each task's thread time, the grid's own cost.
      // scroll-ab.mjs --trace also records what each task did (style, layout, paint, script).
      const categories = ['disabled-by-default-devtools.timeline'];
      if (ctx.trace) categories.push('devtools.timeline', 'v8.execute', 'blink');
      await browser.startTracing(page, { categories });
      const profiler = ctx.profile ? await startProfile(page) : null;
      const serveCpu0 = cpuSeconds(serve.pid);
      const roots = [process.pid]; // serve, its helpers, Chromium's processes, this script
      const tree0 = sampleTree(roots);
      const wall0 = performance.now();
      const run = await page.evaluate(drive, {
        selector: '[data-testid=grid]',
        rowsIn: '[role=rowgroup]',
        steadyS: STEADY_S,
        sweepFrames: SWEEP_FRAMES,
        keys: true,
      });
      const serveCpu = cpuSeconds(serve.pid) - serveCpu0;
      const split = cpuBetween(tree0, sampleTree(roots));
      const scrollS = (performance.now() - wall0) / 1000;
      const jobs = await serve.call('jobs.list', {}).catch(() => null);
      if (profiler) await profiler.stop(ctx.profile);
      const trace = await browser.stopTracing();
      if (ctx.trace) writeFileSync(ctx.trace, trace);
      grid = { ...summarize(run), cpu: mainThreadCpu(trace), serveCpu, split, scrollS, jobs };
      // After the jumps the grid is back at the top: its cells must be loaded there.
      await page.locator('[data-testid=grid-cell]').first().waitFor({ timeout: 30_000 });
      shown = { rows, columns };

      const base = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await base.setContent(PLAIN_PAGE);
      await browser.startTracing(base, { categories: ['disabled-by-default-devtools.timeline'] });
      const baseRun = await base.evaluate(drive, {
        selector: '#s',
        rowsIn: '#s',
        steadyS: STEADY_S,
        sweepFrames: 60,
        keys: false,
      });
      plain = { ...summarize(baseRun), cpu: mainThreadCpu(await browser.stopTracing()) };
    } finally {
      await browser.close();
      await serve.stop();
    }
    const loaf = (s) =>
      s.loaf === null
        ? 'not supported'
        : `${s.loaf.length} (longest ${s.loaf.length ? Math.max(...s.loaf).toFixed(0) : 0} ms)`;
    const f = (v) => `${v.toFixed(1)} ms`;
    const worst = (w) =>
      w
        ? `${f(w.duration)} in ${w.part} (blocking ${f(w.blocking)}): tasks before its render ${f(w.scriptMs)}, render ${f(w.renderMs)} of which style+layout ${f(w.styleLayoutMs)}; scripts ≥ 5 ms: ${
            w.scripts
              .map(
                (x) => `${x.what} ${f(x.ms)}${x.forced ? ` (forced layout ${f(x.forced)})` : ''}`,
              )
              .join('; ') || 'none'
          }`
        : 'none';
    return {
      // For scroll-ab.mjs's summary over runs (run.mjs prints rows and notes only).
      figures: { grid, plain },
      rows: [
        {
          figure: `grid scroll, ${synth.assets.toLocaleString('en')} assets (${shown.rows.toLocaleString('en')} rows × ${shown.columns})`,
          value: `${grid.count} frames, p95 ${f(grid.p95)}, max ${f(grid.max)}, ${grid.over} > ${TARGET_MS} ms; slowest jump ${f(Math.max(...grid.jumps.map((j) => j.ms ?? Infinity)))}`,
          baseline: `static page p95 ${f(plain.p95)}`,
          ratio: `${(grid.p95 / plain.p95).toFixed(2)}×`,
          target: `no frame > ${TARGET_MS} ms`,
          met: met(grid.over === 0),
        },
      ],
      notes: [
        `Chromium ${CHROMIUM} headless (${ARGS.join(' ')}), 1600×1000; serve over the synthetic catalog (rows INSERTed, see [search]); no thumbnails exist: cells show ThumbHash placeholders after a 404 for the thumbnail`,
        `frames: ${grid.count} (steady ${STEADY_S} s at 40 px/frame, a sweep through all rows in ${SWEEP_FRAMES} frames, jumps end/middle/top by scrollTop and End/Home keys); p50 ${f(grid.p50)}, p95 ${f(grid.p95)}, max ${f(grid.max)}; frames > ${TARGET_MS} ms: ${grid.over}`,
        `by part: steady p95 ${f(grid.steady.p95)} max ${f(grid.steady.max)}; sweep p95 ${f(grid.sweep.p95)} max ${f(grid.sweep.max)}; jumps p95 ${f(grid.jumpFrames.p95)} max ${f(grid.jumpFrames.max)}`,
        `jumps, until the rows in view are painted (cells loaded, images decoded): ${grid.jumps.map((j) => `${j.name} ${j.ms === null ? 'never' : f(j.ms)}`).join(', ')}`,
        `main-thread CPU (trace, thread time of each task): ${f(grid.cpu.totalMs)} in all; per task p95 ${f(grid.cpu.p95)}, max ${f(grid.cpu.max)}, ${grid.cpu.over} > ${TARGET_MS} ms`,
        `main-thread CPU by frame (tasks from one commit to the next): ${grid.cpu.frames.count} frames, p50 ${f(grid.cpu.frames.p50)}, p95 ${f(grid.cpu.frames.p95)}, max ${f(grid.cpu.frames.max)}, ${grid.cpu.framesOver} > ${TARGET_MS} ms; static page p95 ${f(plain.cpu.frames.p95)}, max ${f(plain.cpu.frames.max)}`,
        `serve's CPU while the grid scrolled (its page and thumbnail requests): ${grid.serveCpu === null ? 'n/a' : `${grid.serveCpu.toFixed(1)} s`}`,
        `CPU by process over the ${grid.scrollS.toFixed(1)} s scroll (s): ${grid.split
          .filter((p) => p.seconds >= 0.05)
          .map((p) => `${p.name} ${p.seconds.toFixed(2)}`)
          .join(', ')}`,
        `serve's jobs after the scroll: ${jobsLine(grid.jobs)}`,
        `long animation frames: ${loaf(grid)}; long tasks: ${grid.longtask === null ? 'not supported' : grid.longtask.length}`,
        `longest LoAF: ${worst(grid.worstLoaf)}; static page's: ${worst(plain.worstLoaf)}`,
        `baseline (static page of 12,500 rows × 8 boxes, same scroll): ${plain.count} frames, p95 ${f(plain.p95)}, max ${f(plain.max)}, ${plain.over} > ${TARGET_MS} ms, long animation frames ${loaf(plain)}`,
      ],
    };
  },
};
