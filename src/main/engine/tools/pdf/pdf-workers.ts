import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PDF_WORKER_SOURCE } from './pdf-worker-source';

// pdfjs runs on worker threads: parsing and painting a 500-page manual takes seconds of
// CPU that would otherwise stall the engine's event loop (every request, every event), and
// a hostile file can make it spin. Each job has a time limit; past it the worker is
// terminated (the only way to stop pdfjs mid-parse) and a fresh one takes the next job.

/** Why a PDF could not be read; `message` is for the asset's error. */
export class PdfError extends Error {
  constructor(
    message: string,
    /** pdfjs's exception name (InvalidPDFException, PasswordException, …), or 'Timeout'. */
    readonly kind: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

interface Pending {
  op: string;
  payload: Record<string, unknown>;
  timeoutMs: number;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** Paths the worker imports and reads from, resolved here so the built app finds them too. */
function workerData(): { pdfjs: string; fonts: string; cmaps: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    pdfjs: join(root, 'legacy', 'build', 'pdf.mjs'),
    // pdfjs reads these with fs when they are paths (not URLs); the trailing slash is required.
    fonts: `${join(root, 'standard_fonts')}/`,
    cmaps: `${join(root, 'cmaps')}/`,
  };
}

/** However steadily a job goes, it ends after this (a 2,000-page manual reads in a minute). */
const TOTAL_MS = 10 * 60_000;

/** Old-space heap a worker may use: a file that asks for more fails alone. */
const HEAP_MB = 1024;

class PdfWorker {
  private readonly worker: Worker;
  private job: (Pending & { id: number; deadline: number; timer: NodeJS.Timeout }) | null = null;
  private nextId = 0;
  dead = false;

  constructor(
    data: ReturnType<typeof workerData>,
    private readonly onIdle: (worker: PdfWorker) => void,
  ) {
    this.worker = new Worker(PDF_WORKER_SOURCE, {
      eval: true,
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    this.worker.unref(); // only a running job keeps the process alive
    this.worker.on('message', (answer: WorkerAnswer) => {
      const job = this.job;
      if (!job || job.id !== answer.id) return;
      if (answer.progress) return this.progress();
      this.settle();
      if (answer.error) job.reject(new PdfError(answer.error.message, answer.error.name));
      else job.resolve(answer.result);
    });
    this.worker.on('error', (error) => this.die(new PdfError(describeCrash(error), 'Crash')));
    this.worker.on('exit', (code) =>
      this.die(new PdfError(`The PDF reader stopped (exit ${code})`, 'Crash')),
    );
  }

  get busy(): boolean {
    return this.job !== null;
  }

  run(pending: Pending): void {
    const id = this.nextId++;
    const deadline = Date.now() + Math.max(pending.timeoutMs, TOTAL_MS);
    this.job = { ...pending, id, deadline, timer: this.limit(pending.timeoutMs, deadline) };
    this.worker.ref();
    try {
      this.worker.postMessage({ ...pending.payload, op: pending.op, id });
    } catch (error) {
      this.die(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The time limit from now: `ms` for the next step, never past the job's deadline. */
  private limit(ms: number, deadline: number): NodeJS.Timeout {
    const left = deadline - Date.now();
    const words = (t: number): string => (t < 1000 ? `${t} ms` : `${Math.round(t / 100) / 10} s`);
    return left < ms
      ? setTimeout(() => {
          const total = `${Math.round(TOTAL_MS / 60_000)} min`;
          this.die(
            new PdfError(`Reading the PDF took longer than ${total} in all: stopped`, 'Timeout'),
          );
        }, left)
      : setTimeout(() => {
          this.die(
            new PdfError(`Reading the PDF took longer than ${words(ms)}: stopped`, 'Timeout'),
          );
        }, ms);
  }

  /** A page read: the next step gets a full time limit again (a long manual is no spin). */
  private progress(): void {
    const job = this.job;
    if (!job) return;
    clearTimeout(job.timer);
    job.timer = this.limit(job.timeoutMs, job.deadline);
  }

  private settle(): void {
    if (this.job) clearTimeout(this.job.timer);
    this.job = null;
    this.worker.unref();
    if (!this.dead) this.onIdle(this);
  }

  /** Fails the job in hand and ends the thread (a time limit, a crash, out of memory). */
  private die(error: Error): void {
    if (this.dead) return;
    this.dead = true;
    const job = this.job;
    if (job) clearTimeout(job.timer);
    this.job = null;
    void this.worker.terminate();
    job?.reject(error);
    this.onIdle(this);
  }
}

interface WorkerAnswer {
  id: number;
  /** A step done (a page's text read): not an answer yet. */
  progress?: true;
  result?: unknown;
  error?: { name: string; message: string };
}

function describeCrash(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `Reading the PDF needed more than ${HEAP_MB} MB: stopped`;
  return `The PDF reader failed: ${error.message}`;
}

/** Runs PDF jobs on a few worker threads, one job per thread at a time, queued past that. */
export class PdfWorkerPool {
  private readonly workers: PdfWorker[] = [];
  private readonly queue: Pending[] = [];
  private data: ReturnType<typeof workerData> | null = null;

  constructor(private readonly size: number) {}

  run<T>(op: 'read' | 'render', payload: Record<string, unknown>, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        op,
        payload,
        timeoutMs,
        resolve: (r) => resolve(r as T),
        reject,
      });
      this.pump();
    });
  }

  private pump(): void {
    for (let i = this.workers.length - 1; i >= 0; i--)
      if (this.workers[i]?.dead) this.workers.splice(i, 1);
    while (this.queue.length > 0) {
      let idle = this.workers.find((w) => !w.busy);
      if (!idle && this.workers.length < this.size) {
        this.data ??= workerData();
        idle = new PdfWorker(this.data, () => this.pump());
        this.workers.push(idle);
      }
      if (!idle) return;
      const next = this.queue.shift();
      if (next) idle.run(next);
    }
  }
}

let shared: PdfWorkerPool | null = null;

/** The process's pool: half the cores (pdfjs is one thread per document), at most four. */
export function pdfPool(): PdfWorkerPool {
  return (shared ??= new PdfWorkerPool(
    Math.min(4, Math.max(1, Math.floor(availableParallelism() / 2))),
  ));
}
