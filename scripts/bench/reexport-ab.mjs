// The re-export with nothing changed (fig-export.mjs's second row) for several builds in turn,
// over sources and libraries kept between runs: before, after, before, after… in the same
// minutes, since a sub-second figure on a shared machine moves with its load.
//
//   node scripts/bench/reexport-ab.mjs [--runs N] [--dir DIR] [--profile PREFIX] CLI...
//
// CLI: a build's out/main/cli.cjs (or cli.js). Each build gets its own library and pack in
// DIR (an older build cannot open a library a newer one migrated), made once: `catalog add`,
// `scan`, the products seeded as the figure does, a first export. --profile writes each
// run's --cpu-prof profile as PREFIX-<run>-<build>.cpuprofile (profiled runs are slower).
// BENCH_EXPORT_PRODUCTS sets the size (default 500 products × 4 images × 3 channels).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeSources, seed } from './fig-export.mjs';
import { hasGnuTime, median, s, takeOption, timed, tmpName } from './lib.mjs';

const CHANNELS = 'amazon,shopify,ebay';
const PRODUCTS = Math.max(1, Number(process.env.BENCH_EXPORT_PRODUCTS ?? 500));

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const runs = Number(option('--runs', '3'));
const dir = resolve(option('--dir', join(tmpdir(), `packshot-reexport-${PRODUCTS}`)));
const profile = option('--profile', null);
const clis = args.map((cli) => resolve(cli));
if (clis.length === 0) {
  process.stderr.write('usage: reexport-ab.mjs [--runs N] [--dir DIR] [--profile PREFIX] CLI...\n');
  process.exit(2);
}

/** `node CLI --data DIR ...args` under GNU time: wall, CPU (user + system), peak RSS. */
function run(cli, dataDir, argv, nodeArgs = []) {
  const command = [...nodeArgs, cli, '--data', dataDir, ...argv];
  if (!hasGnuTime) return { ...timed(process.execPath, command), cpu: null, rssKb: null };
  const report = join(dir, `time-${tmpName()}.txt`);
  const out = timed('/usr/bin/time', ['-v', '-o', report, process.execPath, ...command]);
  const text = readFileSync(report, 'utf8');
  rmSync(report, { force: true });
  const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  return {
    ...out,
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssKb: field('Maximum resident set size \\(kbytes\\)'),
  };
}

const sources = join(dir, 'sources');
if (!existsSync(join(dir, 'sources.done'))) {
  process.stderr.write(`reexport-ab: generating ${PRODUCTS * 4} sources in ${sources}…\n`);
  rmSync(sources, { recursive: true, force: true });
  await makeSources(sources);
  mkdirSync(join(dir, 'sources.done'));
}

// One library and pack per build, keyed by the build's path.
const libraries = clis.map((cli, b) => {
  const home = join(dir, `build-${b}-${Buffer.from(cli).toString('base64url').slice(-24)}`);
  const data = join(home, 'data');
  const pack = join(home, 'pack');
  if (!existsSync(join(home, 'ready'))) {
    process.stderr.write(`reexport-ab: library and first export for ${cli}…\n`);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    const onCli = (d, argv) => run(cli, d, argv);
    onCli(data, ['catalog', 'add', sources]);
    onCli(data, ['scan', '--json']);
    seed(data, onCli);
    const first = JSON.parse(
      onCli(data, ['export', '--channel', CHANNELS, '--out', pack, '--json']).stdout,
    );
    process.stderr.write(`  first export: ${first.rendered} rendered, ${first.failed} failed\n`);
    mkdirSync(join(home, 'ready'));
  }
  return { cli, data, pack };
});

const results = clis.map(() => []);
for (let r = 1; r <= runs; r++) {
  for (const [b, { cli, data, pack }] of libraries.entries()) {
    const idle = run(cli, data, ['presets', 'list', '--json']);
    const prof = profile ? join(dir, `prof-${tmpName()}`) : null;
    const again = run(
      cli,
      data,
      ['export', '--channel', CHANNELS, '--out', pack, '--json'],
      prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : [],
    );
    if (prof) {
      const [file] = readdirSync(prof);
      renameSync(join(prof, file), `${profile}-${r}-${b}.cpuprofile`);
      rmSync(prof, { recursive: true, force: true });
    }
    const summary = JSON.parse(again.stdout);
    const row = {
      wall: again.seconds,
      engine: summary.seconds,
      cpu: again.cpu,
      rssKb: again.rssKb,
      idleWall: idle.seconds,
      idleCpu: idle.cpu,
      unchanged: summary.unchanged,
      rendered: summary.rendered,
    };
    results[b].push(row);
    process.stdout.write(
      `run ${r} build ${b}: re-export ${s(row.wall)} wall, ${s(row.engine)} engine, ${s(row.cpu)} CPU, ` +
        `${(row.rssKb / 1024).toFixed(0)} MB; ${row.unchanged} unchanged, ${row.rendered} rendered; ` +
        `presets list ${s(row.idleWall)} wall, ${s(row.idleCpu)} CPU\n`,
    );
  }
}

process.stdout.write('\nmedians (min–max):\n');
for (const [b, rows] of results.entries()) {
  const m = (key) => {
    const v = rows.map((x) => x[key]);
    return `${s(median(v))} (${s(Math.min(...v))}–${s(Math.max(...v))})`;
  };
  process.stdout.write(
    `build ${b} ${clis[b]}\n  re-export wall ${m('wall')}, engine ${m('engine')}, CPU ${m('cpu')}; ` +
      `presets list wall ${m('idleWall')}, CPU ${m('idleCpu')}\n`,
  );
}
