// Video posters: N distinct short clips (generated with ffmpeg's testsrc2 and per-clip noise,
// 640×360, 4 s) indexed in the app (`serve` already running: catalogs.add → jobs.wait: ffprobe,
// the poster frame past black frames, the grid thumbnail), against ffmpeg extracting one
// frame per file with the same parallelism (every core), in the same run. Runs alternate.
//   BENCH_VIDEOS=N   clips (default 24)
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  BenchError,
  cores,
  listAll,
  log,
  median,
  met,
  now,
  ratio,
  root,
  RUNS,
  s,
  startServe,
  tmpName,
} from './lib.mjs';

const COUNT = Math.max(1, Number(process.env.BENCH_VIDEOS ?? 24));
// The poster probes, decodes ~2 s past a seek and picks a frame; a bare first frame decodes
// one. Three times that in all, thumbnail and database included, is the budget.
const TARGET = 3;

function ffmpegPath() {
  if (process.env.PACKSHOT_FFMPEG && process.env.PACKSHOT_FFMPEG !== 'off')
    return process.env.PACKSHOT_FFMPEG;
  try {
    return createRequire(join(root, 'package.json'))('@ffmpeg-installer/ffmpeg').path;
  } catch {
    throw new BenchError('video posters: no ffmpeg (@ffmpeg-installer/ffmpeg is not installed)');
  }
}

function run(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BenchError(`${bin} exit ${code}: ${stderr}`)),
    );
  });
}

/** Runs `jobs` (functions returning promises) `parallel` at a time; wall seconds. */
async function pool(jobs, parallel) {
  const start = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, jobs.length) }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
  return now() - start;
}

async function makeClips(ffmpeg, dir) {
  mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: COUNT }, (_, i) => join(dir, `clip-${i}.mp4`));
  const jobs = files.map(
    (file, i) => () =>
      run(ffmpeg, [
        ...['-v', 'error', '-y', '-f', 'lavfi'],
        ...[
          '-i',
          `testsrc2=size=640x360:rate=25:duration=4,noise=alls=12:allf=t:all_seed=${i + 1}`,
        ],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file],
      ]),
  );
  await pool(jobs, cores);
  return files;
}

async function waitIdle(serve) {
  for (;;) {
    try {
      return await serve.call('jobs.wait', {});
    } catch (error) {
      if (!/socket hang up|ECONNRESET/.test(error.message)) throw error;
    }
  }
}

async function inApp(work, dir) {
  const data = join(work, `data-${tmpName()}`);
  const serve = await startServe(data);
  try {
    const start = now();
    await serve.call('catalogs.add', { path: dir });
    await waitIdle(serve);
    const seconds = now() - start;
    const { items } = await listAll(serve);
    const ready = items.filter((a) => a.kind === 'video' && a.thumb === 'ready').length;
    if (ready !== COUNT)
      throw new BenchError(`video posters: ${ready} of ${COUNT} clips have a poster`);
    return seconds;
  } finally {
    await serve.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

function firstFrames(ffmpeg, files) {
  const jobs = files.map(
    (file) => () =>
      run(ffmpeg, [
        ...['-v', 'error', '-nostdin', '-i', file, '-an', '-frames:v', '1'],
        ...['-f', 'image2pipe', '-c:v', 'png', '-y', '/dev/null'],
      ]),
  );
  return pool(jobs, cores);
}

export default {
  key: 'video',
  title: 'video posters vs ffmpeg one frame per file',
  async run(ctx) {
    const ffmpeg = ffmpegPath();
    const dir = join(ctx.work, 'videos');
    log(`video posters: making ${COUNT} clips`);
    const files = await makeClips(ffmpeg, dir);
    const app = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      log(`video posters: run ${i + 1} of ${RUNS}`);
      app.push(await inApp(ctx.work, dir));
      bare.push(await firstFrames(ffmpeg, files));
    }
    const a = median(app);
    const b = median(bare);
    const list = (runs) => runs.map((x) => x.toFixed(2)).join(', ');
    return {
      rows: [
        {
          figure: `video posters (${COUNT} clips 640×360 4 s), in the app: catalogs.add → jobs.wait`,
          value: `${s(a)} (${(COUNT / a).toFixed(1)} posters/s)`,
          baseline: `ffmpeg first frame ×${cores} ${s(b)} (${(COUNT / b).toFixed(1)}/s)`,
          ratio: ratio(a, b),
          target: `≤ ${TARGET}× ffmpeg`,
          met: met(a / b <= TARGET),
        },
      ],
      notes: [`video posters: in the app ${list(app)} s; ffmpeg one frame ${list(bare)} s`],
    };
  },
};
