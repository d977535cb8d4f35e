// A short command's start for several builds in turn: `presets list` (no scan, no sharp),
// before, after, before, after… in the same minutes, since a sub-second figure on a shared
// machine moves with its load. Reports each build's median wall, CPU (user + system, under
// GNU time) and peak RSS.
//
//   node scripts/bench/cli-start-ab.mjs [--runs N] [--profile PREFIX] CLI...
//
// CLI: a build's out/main/cli.cjs (or cli.js). Each build gets its own data folder (an older
// build cannot open a library a newer one migrated), made by a first untimed run. --profile
// writes each run's --cpu-prof profile as PREFIX-<run>-<build>.cpuprofile.
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { hasGnuTime, median, takeOption, timed, tmpName } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(takeOption(args, '--runs', '10'));
const profile = takeOption(args, '--profile', null);
const clis = args.map((cli) => resolve(cli));
if (clis.length === 0) {
  process.stderr.write('usage: cli-start-ab.mjs [--runs N] [--profile PREFIX] CLI...\n');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'packshot-cli-start-'));

function run(cli, dataDir, nodeArgs = []) {
  const command = [...nodeArgs, cli, '--data', dataDir, 'presets', 'list'];
  if (!hasGnuTime) return { ...timed(process.execPath, command), cpu: NaN, rssKb: NaN };
  const report = join(dir, `time-${tmpName()}.txt`);
  const out = timed('/usr/bin/time', ['-v', '-o', report, process.execPath, ...command]);
  const text = readFileSync(report, 'utf8');
  rmSync(report, { force: true });
  const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  const cpu = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
  return { ...out, cpu, rssKb: field('Maximum resident set size \\(kbytes\\)') };
}

const data = clis.map((_, i) => join(dir, `data-${i}`));
clis.forEach((cli, i) => run(cli, data[i] ?? '')); // makes the library; not timed
const samples = clis.map(() => ({ wall: [], cpu: [], rss: [] }));
for (let r = 0; r < runs; r++) {
  for (const [i, cli] of clis.entries()) {
    const profDir = profile ? join(dir, 'prof') : null;
    const result = run(
      cli,
      data[i] ?? '',
      profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [],
    );
    if (profDir) {
      for (const file of readdirSync(profDir))
        renameSync(join(profDir, file), `${profile}-${r}-${i}.cpuprofile`);
    }
    const sample = samples[i];
    sample?.wall.push(result.seconds * 1000);
    sample?.cpu.push(result.cpu * 1000);
    sample?.rss.push(result.rssKb / 1024);
  }
}
for (const [i, cli] of clis.entries()) {
  const m = samples[i];
  const name = `${dirname(dirname(dirname(cli)))} (${cli.split('/').pop()})`;
  process.stdout.write(
    `${name}: presets list, median of ${runs}: wall ${median(m.wall).toFixed(0)} ms, CPU ${median(m.cpu).toFixed(0)} ms, peak RSS ${median(m.rss).toFixed(0)} MB\n`,
  );
}
rmSync(dir, { recursive: true, force: true });
