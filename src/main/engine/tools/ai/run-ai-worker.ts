// The AI runs in a child process of its own (ai-worker.ts), one image at a time, at the
// lowest priority: the models take ~400 MB and a CPU core for half a second per image, and
// a native crash or a runaway image must cost that process only, never the engine. Each
// image has a time limit; past it (or when the process dies) the process is killed, that
// image gets the error, and the next image starts a fresh process. The child is forked from
// process.execPath with ELECTRON_RUN_AS_NODE=1, so the app's own Electron binary runs it as
// Node. Run from the sources (vitest) there is no built worker: images are analysed on this
// thread, as run-model-worker.ts falls back.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AiTask } from '../../../../shared/ai-dto';
import type { AiAnswerMessage, AiRequestMessage } from './ai-worker';
import type { AnalyseRequest, ImageAnalysis } from './analyse-image';

/** The models' code, imported only when analysing on this thread (onnxruntime, tfjs…). */
type Models = typeof import('./analyse-image');

/** Generous: the first image also loads the models (~1 s), a dense page reads for seconds. */
export const AI_TIME_LIMIT_MS = 120_000;

/** The limit: PACKSHOT_AI_TIMEOUT_MS when set (tests, slow machines). */
function timeLimit(): number {
  const set = Number(process.env.PACKSHOT_AI_TIMEOUT_MS);
  return Number.isFinite(set) && set > 0 ? set : AI_TIME_LIMIT_MS;
}

/** The built worker beside the bundle (out/main/ai-worker.js), or null from the sources. */
export function aiWorkerFile(): string | null {
  for (const rel of ['./ai-worker.js', '../ai-worker.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** Every task asked for failed with one reason (a crash, the time limit). */
function failed(tasks: readonly AiTask[], reason: string): ImageAnalysis {
  return { errors: Object.fromEntries(tasks.map((t) => [t, reason])) };
}

export class AiAborted extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

export interface AiWorkerOptions {
  /** The built worker; default: found beside the bundle; null: analyse on this thread. */
  file?: string | null;
  timeoutMs?: number;
  /** A process idle this long is ended: its models hold ~400 MB. */
  idleMs?: number;
}

interface Current {
  id: number;
  tasks: AiTask[];
  settle: (outcome: ImageAnalysis | Error) => void;
}

export class AiWorker {
  readonly file: string | null;
  private readonly timeoutMs: number;
  private child: ChildProcess | null = null;
  private current: Current | null = null;
  private nextId = 1;
  private chain: Promise<unknown> = Promise.resolve();
  private stderrTail = '';
  private closed = false;
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The models on this thread, once an image was analysed here (no built worker). */
  private here: Promise<Models> | undefined;

  constructor(options: AiWorkerOptions = {}) {
    this.file = options.file === undefined ? aiWorkerFile() : options.file;
    this.timeoutMs = options.timeoutMs ?? timeLimit();
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** The child's pid while one runs (tests read its priority). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /**
   * One image: resolves with what the models found, or with every task's error when the
   * process crashed or ran past the limit on it. Rejects (AiAborted) only when `signal`
   * fires or the worker closes. Requests wait their turn.
   */
  analyse(request: AnalyseRequest, signal?: AbortSignal): Promise<ImageAnalysis> {
    const turn = this.chain.then(() => this.run(request, signal));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** Ends the process (and, in-process, the OCR thread); a later analyse starts a new one. */
  async close(): Promise<void> {
    this.closed = true;
    this.current?.settle(new AiAborted());
    this.stop();
    if (this.here) await (await this.here).closeModels();
    this.closed = false;
  }

  private async run(request: AnalyseRequest, signal?: AbortSignal): Promise<ImageAnalysis> {
    if (signal?.aborted || this.closed) throw new AiAborted();
    if (!this.file) return (await (this.here ??= import('./analyse-image'))).analyseImage(request);
    const child = this.child ?? this.spawn(this.file);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Held only while it works: an idle process never keeps a command from exiting.
    child.ref();
    child.channel?.ref();
    const id = this.nextId++;
    return new Promise<ImageAnalysis>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop();
        settle(
          failed(request.tasks, `analysing took over ${seconds(this.timeoutMs)} and was stopped`),
        );
      }, this.timeoutMs);
      const onAbort = (): void => {
        // The image in progress is abandoned with its process: a cancel is at once.
        this.stop();
        settle(new AiAborted());
      };
      const settle = (outcome: ImageAnalysis | Error): void => {
        if (this.current?.id !== id) return;
        this.current = null;
        clearTimeout(timer);
        this.rest();
        signal?.removeEventListener('abort', onAbort);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      this.current = { id, tasks: request.tasks, settle };
      signal?.addEventListener('abort', onAbort, { once: true });
      const message: AiRequestMessage = { id, request };
      child.send(message);
    });
  }

  private spawn(file: string): ChildProcess {
    this.stderrTail = '';
    const child = fork(file, [], {
      execPath: process.execPath,
      execArgv: [],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', UV_THREADPOOL_SIZE: '2' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
    });
    child.on('message', (message: AiAnswerMessage) => {
      if (this.current?.id !== message.id) return;
      this.current.settle(
        'result' in message ? message.result : failed(this.current.tasks, message.error),
      );
    });
    // A crash (or a kill from outside) while reading an image is that image's error.
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      const why = signal ? `signal ${signal}` : `exit ${code}`;
      // What it said last that names an error (Node ends with its version line).
      const lines = this.stderrTail
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const said = lines.filter((l) => /error/i.test(l)).pop() ?? lines.pop();
      this.current?.settle(
        failed(
          this.current.tasks,
          `the AI process stopped (${why}) while analysing this image${said ? `: ${said}` : ''}`,
        ),
      );
    });
    child.on('error', () => undefined); // 'exit' follows and says what happened
    this.child = child;
    return child;
  }

  private rest(): void {
    const child = this.child;
    if (!child) return;
    child.unref();
    child.channel?.unref();
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
    this.idleTimer.unref();
  }

  private stop(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
