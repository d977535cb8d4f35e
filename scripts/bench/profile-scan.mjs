// Where a cold scan's time goes: `packshot catalog add DIR` + `scan` into a fresh data dir
// under `node --cpu-prof`, then the main thread's samples put in buckets (hashing,
// metadata, sharp's JS side, analysis, ThumbHash, SQLite, events, GC, idle). Decoding and
// resizing run on libuv's pool threads, which the profile does not see: while the main
// thread is idle it is waiting for them (or for the disk).
//
//   node scripts/bench/profile-scan.mjs DIR [--top N] [--no-profile]
//
// It also prints the main thread's CPU time against the process's (from /proc, Linux): the
// main thread is the serial part, and its time per file caps the scan whatever the cores.
//
// Run it on a quiet machine; on a busy one the split holds better than the seconds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from '../ensure-build.mjs';
import { cli, root } from './lib.mjs';

/** Innermost frame that matches decides the bucket: by package, else by function name. */
const BY_URL = [
  [/node_modules\/better-sqlite3\//, 'SQLite'],
  [/node_modules\/exifr\//, 'metadata'],
  [/node_modules\/thumbhash\//, 'ThumbHash'],
  [/node_modules\/sharp\//, 'sharp (JS side)'],
  [/node:internal\/crypto\/hash/, 'hashing'],
];
const BY_NAME = {
  // Whole files are hashed on a worker thread: what is left here is posting them.
  hashing: ['hashOffThread', 'sampledHash', 'HashWorker'],
  metadata: ['readSegments', 'readSidecars', 'toAssetMetadata', 'readMetadata', 'findSidecars'],
  'sharp (JS side)': ['renderThumbnail', 'probeImage', 'rgbaOf', 'lookAt', 'embeddedThumbnail'],
  ThumbHash: ['placeholderFromPixels', 'rgbaToThumbHash'],
  analysis: ['analyzePixels', 'dominantColors', 'sharpness', 'perceptualHash', 'differenceHash'],
  SQLite: ['writeIndexResult', 'resolveIdentity', 'recordHash', 'markError', 'locate', 'reconcile'],
  events: ['emit', 'flush', 'IndexEvents'],
  'file reads': ['readAndHash', 'readWhole', 'readFile', 'createReadStream'],
};
const NAME_TO_BUCKET = new Map(
  Object.entries(BY_NAME).flatMap(([bucket, names]) => names.map((n) => [n, bucket])),
);
const SPECIAL = {
  '(idle)': 'idle (waiting for pool threads or disk)',
  '(garbage collector)': 'GC',
};

function bucketOf(frames) {
  const top = frames[0];
  if (Object.hasOwn(SPECIAL, top.functionName)) return SPECIAL[top.functionName];
  if (top.functionName === '(program)') return 'V8/native (program)';
  for (const f of frames) {
    for (const [pattern, bucket] of BY_URL) if (pattern.test(f.url)) return bucket;
    const named = NAME_TO_BUCKET.get(f.functionName);
    if (named) return named;
  }
  return 'other';
}

export function splitProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const buckets = new Map();
  const others = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const frames = [];
    for (let at = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at).callFrame);
    const bucket = bucketOf(frames);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    if (bucket === 'other') {
      const name = frames.find((f) => f.functionName)?.functionName ?? '(anonymous)';
      others.set(name, (others.get(name) ?? 0) + us);
    }
  });
  return { total, buckets, others };
}

/**
 * Preloaded into the scan: at exit, the main thread's CPU seconds (/proc: the thread whose
 * id is the pid) and the whole process's. The main thread's share is the serial part.
 */
const CPU_HOOK = `process.on('exit', () => {
  const ticks = (stat) => { const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
  const main = ticks(require('node:fs').readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8'));
  const u = process.cpuUsage();
  process.stderr.write('PACKSHOT_CPU ' + JSON.stringify({ main, total: (u.user + u.system) / 1e6 }) + '\\n');
});`;

function run(args, profDir, profile) {
  const hook = join(profDir, '..', 'cpu-hook.cjs');
  writeFileSync(hook, CPU_HOOK);
  const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, [...flags, '-r', hook, cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`packshot ${args.join(' ')}: ${out.stderr}`);
  const cpu = /PACKSHOT_CPU (.+)/.exec(out.stderr);
  let files = null;
  try {
    files = JSON.parse(out.stdout).assets ?? null;
  } catch {
    // `catalog add` prints words, not JSON
  }
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpu: cpu ? JSON.parse(cpu[1]) : null,
    files,
  };
}

async function main() {
  const dir = process.argv[2];
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 12;
  const profile = !process.argv.includes('--no-profile');
  if (!dir) {
    console.error('usage: node scripts/bench/profile-scan.mjs DIR [--top N] [--no-profile]');
    process.exit(2);
  }
  if (!ensureBuild(root)) process.exit(1);
  const work = mkdtempSync(join(tmpdir(), 'packshot-profile-'));
  try {
    const data = join(work, 'data');
    const addDir = join(work, 'prof-add');
    const scanDir = join(work, 'prof-scan');
    mkdirSync(addDir);
    mkdirSync(scanDir);
    const add = run(['--data', data, 'catalog', 'add', dir], addDir, false);
    const scan = run(['--data', data, 'scan', '--json'], scanDir, profile);
    console.log(
      `catalog add ${add.seconds.toFixed(2)} s; scan of ${scan.files} files ${scan.seconds.toFixed(2)} s wall${profile ? ' (profiled)' : ''}`,
    );
    if (scan.cpu) {
      const per = (x) => `${((1000 * x) / scan.files).toFixed(1)} ms/file`;
      const { main: m, total: t } = scan.cpu;
      console.log(
        `CPU: process ${t.toFixed(2)} s (${per(t)}); main thread ${m.toFixed(2)} s (${per(m)}, ${((100 * m) / t).toFixed(0)} %): the main thread alone caps a scan at ${(scan.files / m).toFixed(0)} files/s`,
      );
    }
    if (!profile) return;
    const file = readdirSync(scanDir).find((n) => n.endsWith('.cpuprofile'));
    const { total, buckets, others } = splitProfile(JSON.parse(readFileSync(join(scanDir, file))));
    const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
    const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
    console.log(`scan's main thread, ${(total / 1e6).toFixed(2)} s sampled:`);
    for (const [bucket, us] of [...buckets].sort((a, b) => b[1] - a[1]))
      console.log(`  ${bucket.padEnd(42)} ${ms(us)} ${pct(us)}`);
    console.log(`"other", by innermost named frame (top ${top}):`);
    for (const [name, us] of [...others].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${name.padEnd(42)} ${ms(us)} ${pct(us)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
