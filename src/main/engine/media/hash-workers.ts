import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// SHA-256 of a whole file's bytes off the main thread. Hashing is about half of what the
// main thread does per indexed photo (~6 ms of ~12 ms for a 2 MB file): left there it caps
// a scan at ~80 files/s whatever the cores. The bytes travel to a worker and back without
// a copy (their memory is transferred), so the caller still has them for decoding.

/** The worker: a plain script (eval), so no build entry or loader is needed for it. */
const WORKER_SOURCE = `
const { createHash } = require('node:crypto');
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, bytes }) => {
  const hex = createHash('sha256').update(new Uint8Array(bytes)).digest('hex');
  parentPort.postMessage({ id, hex, bytes }, [bytes]);
});
`;

/** Below this, posting the bytes costs about what hashing them here does. */
const HASH_HERE_BELOW = 64 * 1024;

interface Job {
  resolve: (result: { hex: string; bytes: ArrayBuffer }) => void;
  reject: (error: Error) => void;
}

class HashWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref(); // only a pending job keeps the process alive
    this.worker.on(
      'message',
      ({ id, hex, bytes }: { id: number; hex: string; bytes: ArrayBuffer }) => {
        const job = this.jobs.get(id);
        this.jobs.delete(id);
        if (this.jobs.size === 0) this.worker.unref();
        job?.resolve({ hex, bytes });
      },
    );
    const fail = (error: Error): void => {
      this.dead = true;
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`hash worker exited (${code})`)));
  }

  get load(): number {
    return this.jobs.size;
  }

  hash(bytes: ArrayBuffer): Promise<{ hex: string; bytes: ArrayBuffer }> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      if (this.jobs.size === 0) this.worker.ref();
      this.jobs.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ id, bytes }, [bytes]);
      } catch (error) {
        // Never posted: no answer will come, so the job must not wait (and hold the process).
        this.jobs.delete(id);
        if (this.jobs.size === 0) this.worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}

const workers: HashWorker[] = [];
let cores = availableParallelism();

/** The engine's core count (PACKSHOT_CORES, a taskset): the workers follow it as sharp does. */
export function setHashCores(n: number): void {
  cores = Math.max(1, Math.floor(n));
}

/** One worker per four cores (at least one): each hashes ~400 MB/s, a core's decode ~20. */
function leastLoaded(): HashWorker {
  const size = Math.max(1, Math.floor(cores / 4));
  for (let i = workers.length - 1; i >= 0; i--) if (workers[i]?.dead) workers.splice(i, 1);
  const idle = workers.find((w) => w.load === 0);
  if (idle) return idle;
  if (workers.length < size) {
    const fresh = new HashWorker();
    workers.push(fresh);
    return fresh;
  }
  return workers.reduce((a, b) => (b.load < a.load ? b : a));
}

/**
 * The hex SHA-256 of `data`, computed on a worker thread, and the same bytes back (the
 * Buffer passed in is emptied by the transfer: use the one returned).
 */
export async function hashOffThread(data: Buffer): Promise<{ hash: string; buffer: Buffer }> {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  // Small or shared memory (a pooled slice, a SharedArrayBuffer): hash here.
  if (!whole || data.byteLength < HASH_HERE_BELOW || !(data.buffer instanceof ArrayBuffer))
    return { hash: createHash('sha256').update(data).digest('hex'), buffer: data };
  const { hex, bytes } = await leastLoaded().hash(data.buffer);
  return { hash: hex, buffer: Buffer.from(bytes) };
}
