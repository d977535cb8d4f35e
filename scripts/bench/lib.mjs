// Shared helpers for the bench figures: running the built command line, driving `serve`
// over its HTTP bridge, baselines (vipsthumbnail; the bare walk and the file lists in files.mjs), memory
// and CPU from /proc (proc-stats.mjs), and formatting. The engine is reached only through out/main/cli.cjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuOf, memoryOf } from './proc-stats.mjs';

export { cpuOf, memoryOf };

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The CommonJS entry: it sizes the thread pool first, as `packshot` does. BENCH_CLI points the
// same figures at another build (an older commit's out/main/cli.js) for a before/after pair.
export const cli = process.env.BENCH_CLI
  ? resolve(process.env.BENCH_CLI)
  : join(root, 'out', 'main', 'cli.cjs');
export const cores = availableParallelism();
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** A figure could not be measured: the message says what the engine did not do. */
export class BenchError extends Error {}

export const log = (line) => process.stderr.write(`bench: ${line}\n`);

export const now = () => Number(process.hrtime.bigint()) / 1e9;
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const tmpName = () => Math.random().toString(36).slice(2);

export const s = (seconds, digits = 2) =>
  seconds === null || seconds === undefined ? 'n/a' : `${seconds.toFixed(digits)} s`;
export const mb = (kb) =>
  kb === null || kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`;
export const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : 'n/a');
/** Takes `--name value` out of args (an A/B script's argv) and returns value, or fallback. */
export function takeOption(args, name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
}

export const met = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'yes' : 'NO');

export function hasCommand(command, args = ['--version']) {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}
export const hasVips = hasCommand('vipsthumbnail');
export const hasGnuTime = existsSync('/usr/bin/time') && hasCommand('/usr/bin/time', ['-V']);

/** Runs a command to completion; throws with its stderr when it fails. */
export function timed(command, args, options = {}) {
  const start = now();
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
  });
  const seconds = now() - start;
  if (run.status !== 0) {
    const text = (run.stderr || String(run.error ?? `exit ${run.status}`)).trim();
    const own = text.split('\n').filter((l) => l.startsWith('packshot:'));
    const why = own.length > 0 ? own.slice(-3).join(' | ') : text.split('\n').slice(-5).join(' | ');
    const shown = args.filter((a) => a !== '-v' && a !== '-o' && !a.includes('/time-'));
    throw new BenchError(
      `\`${[command, ...shown].join(' ')}\` failed (exit ${run.status}): ${why}`,
    );
  }
  return { seconds, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs `packshot --data DIR ...args`. With GNU time installed the process runs under
 * `/usr/bin/time -v`, which reports its peak RSS (VmHWM) when it exits: maxRssKb, and
 * its user + system CPU time: cpuSeconds (less at the mercy of a busy machine than wall).
 */
export function packshot(dataDir, args, { input } = {}) {
  const argv = [cli, '--data', dataDir, ...args];
  if (!hasGnuTime)
    return { ...timed(process.execPath, argv, { input }), maxRssKb: null, cpuSeconds: null };
  const report = join(dataDir, '..', `time-${tmpName()}.txt`);
  const run = timed('/usr/bin/time', ['-v', '-o', report, process.execPath, ...argv], { input });
  const text = readFileSync(report, 'utf8');
  rmSync(report, { force: true });
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const cpu = ['User', 'System'].map((k) =>
    new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(text),
  );
  const cpuSeconds = cpu.every(Boolean) ? cpu.reduce((t, m) => t + Number(m[1]), 0) : null;
  return { ...run, maxRssKb: match ? Number(match[1]) : null, cpuSeconds };
}

/** `scan --json` summary; throws when the output is not the documented object. */
export function parseScan(stdout, what) {
  try {
    const json = JSON.parse(stdout);
    if (typeof json.assets !== 'number') throw new Error('no "assets" number');
    return json;
  } catch (error) {
    throw new BenchError(
      `${what}: scan --json printed no summary (${error.message}): ${stdout.slice(0, 200)}`,
    );
  }
}

export const hasTaskset = hasCommand('taskset', ['--version']);

/**
 * vipsthumbnail making 320 px WebP thumbnails of these files, `parallel` at a time (default:
 * every core); `cpus` (a taskset list, e.g. '0') pins it and every process it starts.
 */
export function vipsthumbnail(files, work, options = {}) {
  return vipsthumbnailRun(files, work, options).seconds;
}

/**
 * The same, with the CPU seconds of xargs and every vipsthumbnail it started (GNU time
 * counts waited-for children): cpuSeconds, null without /usr/bin/time.
 */
export function vipsthumbnailRun(files, work, { parallel = cores, cpus } = {}) {
  const out = join(work, `vips-${tmpName()}`);
  mkdirSync(out);
  const pin = cpus === undefined ? [] : ['taskset', '-c', cpus];
  const report = join(work, `time-${tmpName()}.txt`);
  const time = hasGnuTime ? ['/usr/bin/time', '-f', '%U %S', '-o', report] : [];
  const [command, ...args] = [
    ...time,
    ...pin,
    'xargs',
    '-0',
    '-P',
    String(parallel),
    '-n',
    '8',
    'vipsthumbnail',
    '-s',
    '320',
    '-o',
    `${out}/%s.webp[Q=75]`,
  ];
  const { seconds } = timed(command, args, { input: files.join('\0') });
  const made = readdirSync(out).length;
  rmSync(out, { recursive: true, force: true });
  // Files with the same base name in different folders share an output name.
  const expected = new Set(
    files.map((f) =>
      f
        .split('/')
        .pop()
        .replace(/\.[^.]+$/, ''),
    ),
  ).size;
  if (made !== expected)
    throw new BenchError(`vipsthumbnail made ${made} of ${expected} thumbnails`);
  let cpuSeconds = null;
  if (hasGnuTime) {
    const [user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    rmSync(report, { force: true });
    cpuSeconds = user + system;
  }
  return { seconds, cpuSeconds };
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/**
 * `packshot --data DIR serve --port 0`, with a client for its HTTP bridge.
 * call(method, args) resolves with `result` or throws BenchError with the engine's error.
 */
export async function startServe(dataDir, cliPath = cli) {
  const child = spawn(process.execPath, [cliPath, '--data', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20000);
  });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = now();
  const address = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /serving at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]+)/.exec(
        stdout,
      );
      if (match) resolve({ origin: match[1], port: Number(match[2]), token: match[3] });
    });
    void exited.then(({ code, signal }) =>
      reject(
        new BenchError(
          `serve exited (${code ?? signal}) before serving: ${stderr.trim().slice(-500)}`,
        ),
      ),
    );
  });
  const startSeconds = now() - started;

  const call = (method, args = {}) => timedCall(method, args).then((r) => r.result);
  /** A call with its times: engineMs from the bridge's Server-Timing, roundTripMs here. */
  const timedCall = (method, args = {}) =>
    new Promise((resolve, reject) => {
      const sent = now();
      const body = JSON.stringify(args);
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: address.port,
          path: `/api/${method}`,
          method: 'POST',
          headers: {
            host: `127.0.0.1:${address.port}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-packshot-token': address.token,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let reply;
            try {
              reply = JSON.parse(text);
            } catch {
              return reject(
                new BenchError(
                  `${method}: HTTP ${res.statusCode}, not JSON: ${text.slice(0, 200)}`,
                ),
              );
            }
            const header = String(res.headers['server-timing'] ?? '');
            const timing = /engine;dur=([\d.]+)/.exec(header);
            const cpu = /cpu;dur=([\d.]+)/.exec(header);
            if (reply.ok)
              resolve({
                result: reply.result,
                engineMs: timing ? Number(timing[1]) : null,
                engineCpuMs: cpu ? Number(cpu[1]) : null,
                roundTripMs: (now() - sent) * 1000,
              });
            else {
              const error = new BenchError(
                `${method}: ${reply.error?.code ?? res.statusCode}: ${reply.error?.message ?? text.slice(0, 200)}`,
              );
              error.code = reply.error?.code;
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error) => reject(new BenchError(`${method}: ${error.message}`)));
      req.end(body);
    });

  /**
   * The engine's server-sent events, as the page receives them: `onEvent(name, payload)`
   * for each. Resolves once connected; returns a function that disconnects.
   */
  const events = (onEvent) =>
    new Promise((resolve, reject) => {
      const cookie = `packshot_token=${address.token}`;
      const req = request(
        {
          host: '127.0.0.1',
          port: address.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${address.port}`, cookie },
        },
        (res) => {
          if (res.statusCode !== 200)
            return reject(new BenchError(`events: HTTP ${res.statusCode}`));
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            buffer += chunk;
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const name = /^event: (.+)$/m.exec(block)?.[1];
              const data = /^data: (.+)$/m.exec(block)?.[1];
              if (name && data) onEvent(name, JSON.parse(data));
            }
          });
          resolve(() => req.destroy());
        },
      );
      req.on('error', (error) => reject(new BenchError(`events: ${error.message}`)));
      req.end();
    });

  let stopped = false;
  return {
    pid: child.pid,
    events,
    startSeconds,
    /** The page to open in a browser (it sets the token cookie). */
    url: `${address.origin}/?token=${address.token}`,
    call,
    timedCall,
    stderr: () => stderr,
    memory: () => memoryOf(child.pid),
    cpu: () => cpuOf(child.pid),
    /** SIGTERM (serve closes the engine cleanly), SIGKILL if it has not gone in 30 s. */
    async stop() {
      if (stopped) return exited;
      stopped = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** All assets, as the UI pages through them (5000 a page, the contract's maximum). */
export async function listAll(serve, args = {}) {
  const items = [];
  let total = 0;
  let pages = 0;
  do {
    const page = await serve.call('assets.list', { ...args, offset: items.length, limit: 5000 });
    total = page.total;
    pages++;
    items.push(...page.items);
    if (page.items.length === 0) break;
  } while (items.length < total);
  return { total, items, pages };
}

export { debianPackages, filesBelow, walkAndStat, walkAndStatSync } from './files.mjs';
