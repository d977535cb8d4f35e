// Offline AI (issue 16), on BENCH_AI_IMAGES (default 40) of the distinct real pictures the
// cold scan uses (Debian's wallpapers, one file per picture):
// - images per second for objects, faces and text: `packshot ai run --only <task> --again`
//   (a whole command: process start, models loaded in the AI process, results written),
//   against a bare loop of the same packages and settings in one plain process
//   (ai-bare-loop.mjs), in the same run; peak RSS of each, the engine's summed over the
//   command and its AI process (sampled from /proc every 100 ms);
// - culling while the AI runs: p95 of a rating edit (assets.edit over `serve`'s bridge,
//   engine time) with the AI job running on every image, against the same edits idle.
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BenchError,
  cli,
  log,
  mb,
  median,
  met,
  now,
  packshot,
  ratio,
  sleep,
  startServe,
} from './lib.mjs';

const COUNT = Math.max(4, Number(process.env.BENCH_AI_IMAGES ?? 40));
const TASKS = ['objects', 'faces', 'text'];
const EDITS = 200;
const BARE = fileURLToPath(new URL('./ai-bare-loop.mjs', import.meta.url));

/** RSS (kB) of a process and every descendant, summed: the CLI plus its AI process. */
function treeRssKb(root) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // gone meanwhile
    }
  }
  return kb;
}

/** Runs a command to its end, sampling its process tree's RSS; resolves {seconds, peakKb, stdout}. */
function sampled(command, args) {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    let peakKb = 0;
    const timer = setInterval(() => {
      peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      if (code !== 0)
        return reject(
          new BenchError(
            `${args.slice(0, 6).join(' ')} failed (${code}): ${stderr.trim().slice(-400)}`,
          ),
        );
      resolve({ seconds: now() - started, peakKb, stdout });
    });
  });
}

async function corpus(ctx, dir) {
  const { distinct, distinctDir } = await ctx.photos();
  const files = readdirSync(distinctDir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort()
    .slice(0, COUNT);
  if (files.length < 4) throw new BenchError('ai: fewer than 4 distinct photos to analyse');
  mkdirSync(dir, { recursive: true });
  for (const f of files) linkSync(join(distinctDir, f), join(dir, f));
  return { files: files.map((f) => join(dir, f)), name: `${files.length} of the ${distinct.name}` };
}

const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];

async function cullingWhileAnalysing(dataDir) {
  const serve = await startServe(dataDir);
  try {
    const { items } = await serve.call('assets.list', { offset: 0, limit: 1000 });
    const ids = items.map((a) => a.id);
    const edits = async () => {
      const times = [];
      for (let i = 0; i < EDITS; i++) {
        const r = await serve.timedCall('assets.edit', {
          ids: [ids[i % ids.length]],
          rating: (i % 5) + 1,
        });
        times.push(r.engineMs ?? r.roundTripMs);
      }
      return times;
    };
    const idle = await edits();
    await serve.call('analyses.run', { again: true });
    // Wait until the AI job is working on images, then edit while it does.
    for (let i = 0; i < 600; i++) {
      const jobs = await serve.call('jobs.list', { state: ['running'] });
      if (jobs.some((j) => j.name === 'ai' && j.progress.done > 0)) break;
      await sleep(100);
    }
    const busy = await edits();
    const still = (await serve.call('jobs.list', { state: ['running'] })).some(
      (j) => j.name === 'ai',
    );
    return { idle: p95(idle), busy: p95(busy), still };
  } finally {
    await serve.stop();
  }
}

export default {
  key: 'ai',
  title: 'Offline AI: objects, faces and text per second, and culling while it runs',
  async run(ctx) {
    const dir = join(ctx.work, 'ai-photos');
    const { files, name } = await corpus(ctx, dir);
    const dataDir = join(ctx.work, 'ai-data');
    packshot(dataDir, ['catalog', 'add', dir]);
    packshot(dataDir, ['scan', '--json']);
    const rows = [];
    for (const task of TASKS) {
      log(`ai: ${task} on ${files.length} images`);
      const engine = [];
      const bare = [];
      for (let r = 0; r < 2; r++) {
        engine.push(
          await sampled(process.execPath, [
            cli,
            '--data',
            dataDir,
            'ai',
            'run',
            '--only',
            task,
            '--again',
          ]),
        );
        const b = await sampled(process.execPath, [BARE, task, ...files]);
        bare.push({ ...b, ...JSON.parse(b.stdout) });
      }
      const e = median(engine.map((x) => x.seconds));
      const b = median(bare.map((x) => x.seconds));
      rows.push({
        figure: `${task}: images/s, whole command (${files.length} photos)`,
        value: `${(files.length / e).toFixed(2)}/s (${e.toFixed(1)} s; peak RSS ${mb(Math.max(...engine.map((x) => x.peakKb)))})`,
        baseline: `bare loop ${(files.length / b).toFixed(2)}/s (${b.toFixed(1)} s, models loaded in ${median(bare.map((x) => x.loadSeconds)).toFixed(1)} s; ${mb(Math.max(...bare.map((x) => x.peakKb)))})`,
        ratio: ratio(b, e),
        target: 'report',
        met: 'n/a',
      });
    }
    const culling = await cullingWhileAnalysing(dataDir);
    rows.push({
      figure: `rating edit p95 while the AI job runs (${EDITS} edits, engine time)`,
      value: `${culling.busy.toFixed(2)} ms${culling.still ? '' : ' (the job ended during the edits)'}`,
      baseline: `idle ${culling.idle.toFixed(2)} ms`,
      ratio: ratio(culling.busy, culling.idle),
      target: 'not slowed',
      met: met(culling.busy <= Math.max(culling.idle * 1.5, culling.idle + 2)),
    });
    return {
      rows,
      notes: [
        `photos: ${name}`,
        'engine: the `packshot ai run` command from start to exit (its process start and the AI process’s model load included); bare: one plain Node process running the same packages with the same settings over the same files, load included',
        'peak RSS: the command and its AI process summed (the bare loop is one process)',
        'the machine may be shared: timings are noisy',
      ],
    };
  },
};
