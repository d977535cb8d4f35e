// The scroll figure (fig-scroll.mjs) for several builds in turn, over one synthetic catalog
// kept between runs: before, after, before, after… in the same minutes, since frame gaps on a
// shared machine move with its load more than with the grid.
//
//   node scripts/bench/scroll-ab.mjs [--runs N] [--dir DIR] [--fresh] [--profile PREFIX] [--trace PREFIX] CLI...
//
// CLI: a build's out/main/cli.js (its out/renderer is the UI served). --dir keeps the
// catalog (default: a folder in the system temp, built once; BENCH_SYNTH sets its size).
// serve writes to its data dir while the grid scrolls (its AI job records a result for each
// row it tries), so runs on one catalog do not start alike: --fresh gives each run a copy of
// the data dir as it was before the first run (DIR itself is left as it is).
// --profile writes PREFIX-<run>-<build>.cpuprofile of the page's main thread (the profiler
// costs time: do not read frame figures from a profiled run); --trace PREFIX writes the
// Chromium trace with what each task did (style, layout, paint, script; heavier too).
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import scroll from './fig-scroll.mjs';
import { takeOption } from './lib.mjs';
import { SYNTH_COUNT, buildSynthetic100k } from './synthetic-100k.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const runs = Number(option('--runs', '2'));
const dir = resolve(option('--dir', join(tmpdir(), `packshot-scroll-${SYNTH_COUNT}`)));
const profile = option('--profile', null);
const trace = option('--trace', null);
const fresh = args.includes('--fresh');
if (fresh) args.splice(args.indexOf('--fresh'), 1);
const clis = args.map((cli) => resolve(cli));
if (clis.length === 0) {
  process.stderr.write(
    'usage: scroll-ab.mjs [--runs N] [--dir DIR] [--profile PREFIX] [--trace PREFIX] CLI...\n',
  );
  process.exit(2);
}

const facts = join(dir, 'synthetic.json');
const synth = existsSync(facts)
  ? JSON.parse(readFileSync(facts, 'utf8'))
  : await buildSynthetic100k(dir);

const summary = [];
for (let run = 1; run <= runs; run++) {
  for (const [b, cli] of clis.entries()) {
    const data = fresh ? join(tmpdir(), `packshot-scroll-fresh-${process.pid}`) : synth.data;
    if (fresh) {
      rmSync(data, { recursive: true, force: true });
      cpSync(synth.data, data, { recursive: true });
    }
    const result = await scroll.run({
      cli,
      synthetic100k: async () => ({ ...synth, data }),
      profile: profile ? `${profile}-${run}-${b}.cpuprofile` : null,
      trace: trace ? `${trace}-${run}-${b}.json` : null,
    });
    process.stdout.write(`\n== run ${run}, ${cli}\n${result.rows[0].value}\n`);
    for (const note of result.notes.slice(1)) process.stdout.write(`  ${note}\n`);
    summary.push({ run, b, load: loadavg()[0], ...result.figures });
    if (fresh) rmSync(data, { recursive: true, force: true });
  }
}

// One line per run and build: frame gaps beside the static page's in the same run (a gap
// over 50 ms on both is the machine's), and the page's main-thread CPU, which load does
// not stretch the way it stretches gaps.
const ms = (v) => v.toFixed(1);
process.stdout.write(
  '\nrun build  load | grid: max gap, > 50 ms | static: max gap, > 50 ms | grid CPU/frame p50 p95 max, all\n',
);
for (const { run, b, load, grid, plain } of summary) {
  process.stdout.write(
    `${run}   ${b}      ${load.toFixed(1).padStart(4)} | ${ms(grid.max).padStart(6)} ${String(grid.over).padStart(3)} | ${ms(plain.max).padStart(6)} ${String(plain.over).padStart(3)} | ${ms(grid.cpu.frames.p50)} ${ms(grid.cpu.frames.p95)} ${ms(grid.cpu.frames.max)}, ${(grid.cpu.totalMs / 1000).toFixed(2)} s\n`,
  );
}
for (const [b, cli] of clis.entries()) process.stdout.write(`build ${b}: ${cli}\n`);
