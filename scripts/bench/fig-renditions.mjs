// Renditions by URL (issue 17), over `packshot serve`'s HTTP bridge with the session token:
// - cold renders/s: N distinct photos (BENCH_RENDITIONS, default 60) at
//   one transform (w_800,h_800,c_fill,q_80 JPEG: an attention crop), all asked at once (the
//   engine renders `cores` at a time), against a bare sharp loop doing the same decode,
//   crop, resize and encode with the same parallelism, in the same run; the two take turns
//   BENCH_RENDITION_RUNS times (default 2; each turn a quality of its own, so all cold);
// - a cached rendition's latency over HTTP (sequential requests on a kept-alive socket), p95
//   against the 5 ms target;
// - 200 requests at once for one new rendition: how many rendered it (x-packshot-render:
//   miss), which must be 1. The bridge takes at most 64 sockets, so they share 48.
import { linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { BenchError, cores, listAll, log, median, met, now, ratio, s, startServe } from './lib.mjs';

const COUNT = Math.max(2, Number(process.env.BENCH_RENDITIONS ?? 60));
const TRANSFORM = 'w_800,h_800,c_fill,q_80';
/** Engine and bare loop take turns; each engine turn asks a quality of its own (all cold). */
const TURNS = Math.max(1, Number(process.env.BENCH_RENDITION_RUNS ?? 2));
const HITS = 1000;
const CROWD = 200;
const P95_TARGET_MS = 5;

/**
 * The main corpus's distinct real pictures (Debian's wallpapers, one file per picture, as
 * the cold scan uses), linked into `dir`; generated photos (1600 × 1200 JPEG, each its own
 * picture) where no wallpaper package is installed or too few are.
 */
async function sources(ctx, dir) {
  const { distinct, distinctDir } = await ctx.photos();
  const real = readdirSync(distinctDir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort()
    .slice(0, COUNT);
  if (real.length < COUNT) return { files: await makeSources(dir), name: 'generated photos' };
  mkdirSync(dir, { recursive: true });
  const files = real.map((f) => {
    linkSync(join(distinctDir, f), join(dir, f));
    return join(dir, f);
  });
  return { files, name: `${COUNT} of the ${distinct.name}` };
}

async function makeSources(dir) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  let next = 0;
  const one = async (i) => {
    const hue = (i * 37) % 360;
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
        <rect width="1600" height="1200" fill="hsl(${(hue + 180) % 360},30%,85%)"/>
        <circle cx="${500 + (i % 7) * 80}" cy="600" r="360" fill="hsl(${hue},60%,45%)"/>
        <text x="300" y="650" font-size="200" fill="white">#${i}</text></svg>`,
    );
    const noise = await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 20 },
      },
    })
      .png()
      .toBuffer();
    const file = join(dir, `photo-${String(i).padStart(4, '0')}.jpg`);
    await sharp(svg)
      .composite([{ input: noise, blend: 'soft-light' }])
      .jpeg({ quality: 90 })
      .toFile(file);
    files.push(file);
  };
  const worker = async () => {
    for (let i = next++; i < COUNT; i = next++) await one(i);
  };
  await Promise.all(Array.from({ length: Math.max(2, cores) }, worker));
  return files.sort();
}

/** The same work as bare sharp: read, orient, flatten, attention crop to 800², JPEG q80, write. */
async function bareSharp(files, out, quality) {
  mkdirSync(out, { recursive: true });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const data = await sharp(readFileSync(files[i]))
        .autoOrient()
        .flatten({ background: '#ffffff' })
        .resize(800, 800, { fit: 'cover', position: sharp.strategy.attention })
        .jpeg({ quality })
        .toBuffer();
      await writeFile(join(out, `${i}.jpg`), data);
    }
  };
  const t0 = now();
  await Promise.all(Array.from({ length: cores }, worker));
  return now() - t0;
}

function client(serve, sockets) {
  const { port } = new URL(serve.url);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const token = new URL(serve.url).searchParams.get('token');
  const get = (path) =>
    new Promise((resolve, reject) => {
      const sent = now();
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: Number(port),
          path,
          headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}` },
        },
        (res) => {
          let bytes = 0;
          res.on('data', (c) => (bytes += c.length));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              render: res.headers['x-packshot-render'],
              bytes,
              ms: (now() - sent) * 1000,
              engineMs: Number(
                /engine;dur=([\d.]+)/.exec(String(res.headers['server-timing']))?.[1] ?? NaN,
              ),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export default {
  key: 'renditions',
  title: 'Renditions by URL: cold renders/s vs bare sharp, cached p95, one render for a crowd',
  async run(ctx) {
    const dir = join(ctx.work, 'rendition-photos');
    const { files, name: corpus } = await sources(ctx, dir);
    const serve = await startServe(join(ctx.work, 'rendition-data'));
    const http = client(serve, 48);
    try {
      await serve.call('catalogs.add', { path: dir });
      await serve.call('jobs.wait', {});
      const { items } = await listAll(serve);
      if (items.length !== COUNT) throw new BenchError(`indexed ${items.length} of ${COUNT}`);
      const url = (id, t, ext = 'jpg') => `/api/v1/render/${id}/${t}.${ext}`;

      // Cold: every photo at once, then the bare loop on the same files; TURNS times.
      const engineRuns = [];
      const bareRuns = [];
      for (let turn = 0; turn < TURNS; turn++) {
        const q = 80 - turn;
        const t0 = now();
        const cold = await Promise.all(
          items.map((a) => http.get(url(a.id, `w_800,h_800,c_fill,q_${q}`))),
        );
        engineRuns.push(now() - t0);
        const bad = cold.filter((r) => r.status !== 200 || r.render !== 'miss');
        if (bad.length > 0)
          throw new BenchError(`cold: ${bad.length} answers not a 200 miss (${bad[0].status})`);
        bareRuns.push(await bareSharp(files, join(ctx.work, 'rendition-bare'), q));
        log(
          `renditions cold ${turn + 1}: engine ${s(engineRuns.at(-1))}, bare ${s(bareRuns.at(-1))}`,
        );
      }
      const rate = COUNT / median(engineRuns);
      const bareRate = COUNT / median(bareRuns);

      // Cached: one rendition asked again and again, one request at a time.
      const hot = url(items[0].id, TRANSFORM);
      for (let i = 0; i < 50; i++) await http.get(hot); // warm the socket and the code
      const times = [];
      const engineTimes = [];
      for (let i = 0; i < HITS; i++) {
        const r = await http.get(hot);
        if (r.render !== 'hit') throw new BenchError(`cached: answer ${i} was ${r.render}`);
        times.push(r.ms);
        engineTimes.push(r.engineMs);
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      const engineP95 = percentile(engineTimes, 95);

      // A crowd for one new rendition.
      const fresh = url(items[1].id, 'w_640,h_480,c_pad,b_eeeeee', 'webp');
      const crowd = await Promise.all(Array.from({ length: CROWD }, () => http.get(fresh)));
      const misses = crowd.filter((r) => r.render === 'miss').length;
      const joined = crowd.filter((r) => r.render === 'joined').length;
      const failed = crowd.filter((r) => r.status !== 200).length;
      return {
        rows: [
          {
            figure: `rendition cold renders/s (${COUNT} photos, ${TRANSFORM}, over HTTP; median of ${TURNS})`,
            value: `${rate.toFixed(1)}/s`,
            baseline: `bare sharp ${bareRate.toFixed(1)}/s`,
            ratio: ratio(rate, bareRate),
            target: 'report (same parallelism)',
            met: 'n/a',
          },
          {
            figure: `cached rendition latency over HTTP (p95 of ${HITS})`,
            value: `${p95.toFixed(2)} ms (p50 ${p50.toFixed(2)}; engine p95 ${engineP95.toFixed(2)})`,
            baseline: '—',
            ratio: '—',
            target: `≤ ${P95_TARGET_MS} ms`,
            met: met(p95 <= P95_TARGET_MS),
          },
          {
            figure: `${CROWD} requests at once for one new rendition: renders`,
            value: `${misses} miss, ${joined} joined, ${CROWD - misses - joined - failed} hit, ${failed} failed`,
            baseline: '—',
            ratio: '—',
            target: '1 render',
            met: met(misses === 1 && failed === 0),
          },
        ],
        notes: [
          `sources: ${corpus}`,
          `cold: ${COUNT} requests at once over 48 sockets, the engine renders ${cores} at a time; the bare loop runs ${cores} workers (no hashing, sRGB profile, cache write or HTTP)`,
          'the machine may be shared: timings are noisy',
        ],
      };
    } finally {
      http.close();
      await serve.stop();
    }
  },
};
