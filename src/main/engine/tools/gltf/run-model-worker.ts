import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelAnalysis } from './model-analysis';
import type { ModelRules } from '../../../../shared/export-dto';
import type { PackedFile, PackedModel } from '../model-pack/pack-model';
import type { ModelJob } from './model-job';
import { ModelReadError } from './model-read-error';

// Models are read (and packed for export) in worker threads with a time limit:
// gltf-transform, the validator, the rasteriser, simplify and Draco are all synchronous
// JavaScript or WebAssembly, so a model that takes minutes would stop the engine's event
// loop. A worker past its limit, or whose caller's signal fires, is terminated (and
// replaced on the next job); one that runs out of its heap dies alone. The worker is its own build output; run
// from the sources (vitest), there is none, and the model is read on this thread.

export const MODEL_TIME_LIMIT_MS = 60_000;
/** Packing for export (simplify, Draco, textures halved, USDZ) may take far longer. */
export const MODEL_EXPORT_TIME_LIMIT_MS = 10 * 60_000;

/** The limit: PACKSHOT_MODEL_TIMEOUT_MS when set (tests, slow machines), else a minute. */
function timeLimit(variable = 'PACKSHOT_MODEL_TIMEOUT_MS', fallback = MODEL_TIME_LIMIT_MS): number {
  const set = Number(process.env[variable]);
  return Number.isFinite(set) && set > 0 ? set : fallback;
}

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
/** A worker's heap: a model past it fails alone instead of taking the engine down. */
const WORKER_HEAP_MB = 2048;

function workerFile(): string | null {
  for (const rel of ['./model-worker.js', '../model-worker.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

interface Pending {
  job: ModelJob;
  timeoutMs: number;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** Set while the job runs: ends its worker (the caller's signal fired). */
  stop?: () => void;
}

const idle: Worker[] = [];
/** A worker idle this long is ended: each holds the validator and gltf-transform (~100 MB). */
const IDLE_MS = 30_000;
const idleTimers = new Map<Worker, NodeJS.Timeout>();

function rest(worker: Worker): void {
  worker.unref();
  idle.push(worker);
  const forget = (): void => {
    clearTimeout(idleTimers.get(worker));
    idleTimers.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  };
  // One that dies (or fails) while idle is not handed the next job; an 'error' with no
  // listener would be thrown in the engine.
  worker.once('exit', forget);
  worker.on('error', forget);
  const timer = setTimeout(() => {
    forget();
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
}

function wake(): Worker | undefined {
  const worker = idle.pop();
  if (worker) {
    clearTimeout(idleTimers.get(worker));
    idleTimers.delete(worker);
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
  }
  return worker;
}
const queue: Pending[] = [];
let busy = 0;
let cores = Math.max(1, Math.min(2, availableParallelism()));

/** The engine's core count: at most this many models are read at once (and never over 2). */
export function setModelWorkerCores(n: number): void {
  cores = Math.max(1, Math.min(2, n));
}

function spawn(file: string): Worker {
  const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  worker.unref();
  return worker;
}

function runOn(worker: Worker, job: Pending): void {
  busy++;
  worker.ref();
  let settled = false;
  const done = (keep: boolean): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    busy--;
    if (keep) rest(worker);
    else void worker.terminate();
    next();
  };
  const doing = job.job.op === 'export' ? 'packing' : 'reading';
  const timer = setTimeout(() => {
    done(false);
    job.reject(
      new ModelReadError(`${doing} the model took over ${seconds(job.timeoutMs)} and was stopped`),
    );
  }, job.timeoutMs);
  job.stop = (): void => {
    done(false);
    job.reject(cancelled());
  };
  worker.on('message', (msg: { result?: unknown; error?: { message: string; name: string } }) => {
    done(true);
    if (!msg.error) job.resolve(msg.result);
    else {
      const error = msg.error?.name === 'ModelReadError' ? new ModelReadError('') : new Error('');
      error.message = msg.error?.message ?? 'the model worker failed';
      job.reject(error);
    }
  });
  worker.on('error', (error) => {
    done(false);
    job.reject(new ModelReadError(`${doing} the model failed: ${error.message}`));
  });
  worker.on('exit', (code) => {
    done(false);
    job.reject(new ModelReadError(`the model reader stopped (exit ${code})`));
  });
  // An export's source bytes are copied to the worker (they stay the caller's).
  worker.postMessage({ id: 0, ...job.job });
}

function next(): void {
  const file = workerFile();
  while (queue.length > 0 && busy < cores && file) {
    const job = queue.shift() as Pending;
    runOn(wake() ?? spawn(file), job);
  }
}

const cancelled = (): Error => new Error('cancelled');

function runJob(job: ModelJob, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(cancelled());
  // Imported here, not at the top: gltf-transform, draco and sharp stay out of a process
  // that never reads a model (serve over a catalog of photos).
  if (!workerFile()) return import('./model-job').then((m) => m.runModelJobHere(job));
  return new Promise((resolve, reject) => {
    const pending: Pending = {
      job,
      timeoutMs,
      resolve: (result) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    };
    // Cancelled while waiting: taken out of the queue; while running: its worker is ended.
    function onAbort(): void {
      const at = queue.indexOf(pending);
      if (at >= 0) {
        queue.splice(at, 1);
        pending.reject(cancelled());
      } else pending.stop?.();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(pending);
    next();
  });
}

/** Reads one model (facts, validator, render) in a worker thread, stopped after `timeoutMs`. */
export async function analyseModelInWorker(
  path: string,
  timeoutMs = timeLimit(),
): Promise<ModelAnalysis> {
  return (await runJob({ op: 'analyse', path }, timeoutMs)) as ModelAnalysis;
}

/** One GLB of the model for the viewer (see pack-for-viewer.ts), packed in a worker thread. */
export async function packModelInWorker(
  path: string,
  timeoutMs = timeLimit(),
): Promise<Uint8Array> {
  return (await runJob({ op: 'pack', path }, timeoutMs)) as Uint8Array;
}

/**
 * A model packed for export to a channel's rules (see model-pack/pack-model.ts) in a worker
 * thread, from the bytes export read and hashed; stopped after `timeoutMs` (ten minutes, or
 * PACKSHOT_MODEL_EXPORT_TIMEOUT_MS) or when `signal` fires.
 */
export async function exportModelInWorker(
  path: string,
  bytes: Uint8Array,
  rules: ModelRules,
  signal?: AbortSignal,
  timeoutMs = timeLimit('PACKSHOT_MODEL_EXPORT_TIMEOUT_MS', MODEL_EXPORT_TIME_LIMIT_MS),
): Promise<PackedModel> {
  const packed = (await runJob(
    { op: 'export', path, bytes, rules },
    timeoutMs,
    signal,
  )) as PackedModel;
  // Across the thread the files arrive as Uint8Arrays: Buffers again for the caller.
  const buffer = (file: PackedFile): PackedFile => ({ ...file, data: asBuffer(file.data) });
  return { ...packed, glb: buffer(packed.glb), usdz: packed.usdz && buffer(packed.usdz) };
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
