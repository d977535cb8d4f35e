// `npm run bench`: figures, each against a baseline run in the same script.
// Cold scan: `packshot catalog add` + `packshot scan` into a fresh data dir, until every
// grid thumbnail is ready, against vipsthumbnail making the same 320 px WebP thumbnails
// of the same files with the same parallelism (xargs -P cores).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../ensure-build.mjs';
import { distinctCorpus, photoCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'out', 'main', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const cores = availableParallelism();

if (!ensureBuild(root)) process.exit(1);

const work = mkdtempSync(join(tmpdir(), 'packshot-bench-'));
const tmpName = () => Math.random().toString(36).slice(2);

function timed(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr || run.error}`);
  return { seconds, stdout: run.stdout };
}

function packshotScan(dir, expected) {
  const data = join(work, `data-${tmpName()}`);
  const start = process.hrtime.bigint();
  timed(process.execPath, [cli, '--data', data, 'catalog', 'add', dir]);
  const scan = JSON.parse(timed(process.execPath, [cli, '--data', data, 'scan', '--json']).stdout);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(data, { recursive: true, force: true });
  if (scan.assets !== expected) throw new Error(`indexed ${scan.assets} of ${expected}`);
  return seconds;
}

function vipsthumbnail(dir) {
  const out = join(work, `vips-${tmpName()}`);
  mkdirSync(out);
  const files = readdirSync(dir).map((name) => join(dir, name));
  const { seconds } = timed(
    'xargs',
    [
      '-0',
      '-P',
      String(cores),
      '-n',
      '8',
      'vipsthumbnail',
      '-s',
      '320',
      '-o',
      `${out}/%s.webp[Q=75]`,
    ],
    { input: files.join('\0') },
  );
  const made = readdirSync(out).length;
  rmSync(out, { recursive: true, force: true });
  if (made !== files.length) throw new Error(`vipsthumbnail made ${made} of ${files.length}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const hasVips = spawnSync('vipsthumbnail', ['--version'], { encoding: 'utf8' }).status === 0;

/** Alternates the two tools run by run so machine noise falls on both alike. */
function compare(label, dir, corpus) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(packshotScan(dir, corpus.files));
    if (hasVips) theirs.push(vipsthumbnail(dir));
  }
  const mb = corpus.bytes / 1e6;
  const o = median(ours);
  const row = {
    corpus: `${label}: ${corpus.files} files, ${corpus.unique} distinct, ${mb.toFixed(1)} MB`,
    packshot: `${o.toFixed(2)} s (${(corpus.files / o).toFixed(1)} files/s, ${(mb / o).toFixed(1)} MB/s)`,
    vipsthumbnail: hasVips
      ? `${median(theirs).toFixed(2)} s`
      : 'not installed (apt-get install libvips-tools)',
    ratio: hasVips ? `${(o / median(theirs)).toFixed(2)}×` : 'n/a',
    runs: `packshot ${ours.map((s) => s.toFixed(2)).join(', ')}; vipsthumbnail ${theirs.map((s) => s.toFixed(2)).join(', ') || '-'}`,
  };
  return row;
}

const allDir = join(work, 'corpus');
const all = await photoCorpus(allDir);
const distinctDir = join(work, 'distinct');
const distinct = distinctCorpus(allDir, distinctDir);

const results = [
  compare(`${all.name}, as shipped`, allDir, all),
  compare(`${all.name}, one file per content`, distinctDir, distinct),
];
rmSync(work, { recursive: true, force: true });

console.log(`\nPackshot bench: cold scan until every grid thumbnail is ready`);
console.log(
  `parallelism ${cores} (cores); ${RUNS} runs each, median shown; ratio = packshot / vipsthumbnail\n`,
);
for (const r of results) {
  console.log(`  ${r.corpus}`);
  console.log(`    packshot       ${r.packshot}`);
  console.log(`    vipsthumbnail  ${r.vipsthumbnail}`);
  console.log(`    ratio          ${r.ratio}`);
  console.log(`    all runs (s)   ${r.runs}\n`);
}
