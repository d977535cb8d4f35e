import type { JobProgress } from '../../../shared/dto';

export type WorkResult = 'ok' | 'error' | 'skipped';

export interface IndexQueueOptions {
  concurrency: number;
  work: (id: number) => Promise<WorkResult>;
  onProgress: (progress: JobProgress) => void;
  /** Minimum milliseconds between progress reports while running. */
  progressInterval?: number;
}

/**
 * A bounded work queue of asset ids. What is on screen jumps the line (prioritize);
 * everything else runs in the order it was found. State lives in SQLite, so a crash
 * loses nothing: the engine re-queues unfinished assets on start.
 */
export class IndexQueue {
  private readonly queued = new Set<number>();
  private normal: number[] = [];
  private head = 0;
  private urgent: number[] = [];
  private readonly running = new Set<number>();
  /** Ids asked for again while being worked on: run once more when done. */
  private readonly again = new Set<number>();
  private stopped = false;
  private run = { started: 0, finished: 0, done: 0, errors: 0 };
  private lastReport = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: IndexQueueOptions) {}

  enqueue(ids: readonly number[]): void {
    if (this.stopped) return;
    if (this.idle()) this.run = { started: Date.now(), finished: 0, done: 0, errors: 0 };
    for (const id of ids) {
      if (this.queued.has(id)) continue;
      if (this.running.has(id)) {
        this.again.add(id);
        continue;
      }
      this.queued.add(id);
      this.normal.push(id);
    }
    this.pump();
    this.report(true);
  }

  /** Moves queued ids to the front, last given first. Returns how many were queued. */
  prioritize(ids: readonly number[]): number {
    let moved = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i];
      if (id !== undefined && this.queued.has(id)) {
        this.urgent.push(id);
        moved++;
      }
    }
    return moved;
  }

  status(): JobProgress {
    const running = !this.idle();
    const seconds = ((running ? Date.now() : this.run.finished) - this.run.started) / 1000;
    const remaining = this.queued.size + this.running.size;
    const rate = seconds > 0 ? this.run.done / seconds : 0;
    return {
      running,
      done: this.run.done,
      total: this.run.done + remaining,
      errors: this.run.errors,
      rate: Math.round(rate * 10) / 10,
      etaSeconds: running && rate > 0 ? Math.ceil(remaining / rate) : null,
    };
  }

  whenIdle(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops everything not yet started. */
  clear(): void {
    this.queued.clear();
    this.again.clear();
    this.normal = [];
    this.head = 0;
    this.urgent = [];
    this.settle();
  }

  /** Stops taking work and waits for what is running. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clear();
    await this.whenIdle();
  }

  private idle(): boolean {
    return this.queued.size === 0 && this.running.size === 0;
  }

  private take(): number | undefined {
    while (this.urgent.length > 0) {
      const id = this.urgent.pop();
      if (id !== undefined && this.queued.delete(id)) return id;
    }
    while (this.head < this.normal.length) {
      const id = this.normal[this.head++];
      if (id !== undefined && this.queued.delete(id)) {
        this.compact();
        return id;
      }
    }
    return undefined;
  }

  private compact(): void {
    if (this.head > 4096 && this.head * 2 > this.normal.length) {
      this.normal = this.normal.slice(this.head);
      this.head = 0;
    }
  }

  private pump(): void {
    while (!this.stopped && this.running.size < this.options.concurrency) {
      const id = this.take();
      if (id === undefined) break;
      this.running.add(id);
      void this.execute(id);
    }
  }

  private async execute(id: number): Promise<void> {
    let result: WorkResult;
    try {
      result = await this.options.work(id);
    } catch (error) {
      // Work functions report per-item failures themselves; this is a bug, not bad input.
      console.error(`packshot: indexing asset ${id} failed unexpectedly:`, error);
      result = 'error';
    }
    this.running.delete(id);
    if (result !== 'skipped') this.run.done++;
    if (result === 'error') this.run.errors++;
    if (this.again.delete(id) && !this.stopped) {
      this.queued.add(id);
      this.urgent.push(id);
    }
    if (this.idle()) this.run.finished = Date.now();
    this.pump();
    this.report(false);
    this.settle();
  }

  private report(force: boolean): void {
    const now = Date.now();
    const interval = this.options.progressInterval ?? 200;
    if (!force && !this.idle() && now - this.lastReport < interval) return;
    this.lastReport = now;
    this.options.onProgress(this.status());
  }

  private settle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
