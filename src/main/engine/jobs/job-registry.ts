// One registry for all long work: handlers by name, rows in SQLite (job-repo), a bounded
// number running per name, progress, cancel and retry from any process, and a lease kept
// alive by a heartbeat so that another engine takes over (and resumes) the rows of a
// process that died.
import { faultPoint } from '../faults/fault-points';
import type { JobInfo, JobState } from '../../../shared/job-dto';
import { PackshotError } from '../../../shared/errors';
import type { JobOwner, JobRepo, JobRow } from '../repositories/job-repo';
import { jobInfo } from './job-info';
import { staleCheck, thisProcess } from './job-lease';
import type { JobContext, JobDefinition, JobProgressUpdate, JobType } from './job-types';

export interface JobRegistryOptions {
  /** Take over rows of dead processes and resume them (long-lived engines: the app, serve). */
  adopt: boolean;
  heartbeatMs?: number;
  /** A lease not renewed for this long is dead even when its pid seems alive. */
  staleMs?: number;
  /** Finished rows kept: the newest `keep`, none older than `keepMs`. */
  keep?: number;
  keepMs?: number;
  /** A row changed: its new state, or null when rows of another process moved. */
  onChange?: (job: JobInfo | null) => void;
  owner?: JobOwner;
}

type AnyDefinition = JobDefinition<unknown, unknown>;
type StopReason = 'cancel' | 'close' | 'lease';

interface Running {
  row: JobRow;
  abort: AbortController;
  reason: StopReason | null;
  done: Promise<void>;
  lastWrite: number;
  lastEmit: number;
  firstSample: { at: number; done: number } | null;
}

const PROGRESS_WRITE_MS = 1000;
const PROGRESS_EMIT_MS = 250;
const PRUNE_EVERY_MS = 5 * 60_000;

export class JobRegistry {
  readonly owner: JobOwner;
  private readonly definitions = new Map<string, AnyDefinition>();
  private readonly running = new Map<number, Running>();
  private readonly ended = new Set<() => void>();
  private readonly heartbeatMs: number;
  private readonly staleMs: number;
  private timer: NodeJS.Timeout | null = null;
  private closing = false;
  private lastPrune = 0;
  private fingerprint = '';

  constructor(
    private readonly repo: JobRepo,
    private readonly options: JobRegistryOptions,
  ) {
    this.owner = options.owner ?? thisProcess();
    this.heartbeatMs = options.heartbeatMs ?? 2000;
    this.staleMs = options.staleMs ?? this.heartbeatMs * 15;
  }

  define<A, R>(definition: JobDefinition<A, R>): JobType<A> {
    if (this.definitions.has(definition.name))
      throw new Error(`job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition);
    return { name: definition.name, enqueue: (args: A) => this.enqueue(definition.name, args) };
  }

  /**
   * Writes a queued row (or folds into one, for handlers that merge); what runs outside the
   * database (the event, starting the job) waits until the caller's transaction commits, so
   * a rollback or a busy retry leaves no job running for a row that does not exist. Closing:
   * refused outside a transaction; inside one the row is written (refusing would undo the
   * caller's edit) and left for the next engine.
   */
  enqueue(name: string, args: unknown): number {
    const def = this.require(name);
    if (this.closing && !this.repo.inTransaction)
      throw new PackshotError('conflict', 'The engine is closing');
    const merged = def.merge
      ? this.repo.mergeQueued(name, this.owner, (old) =>
          JSON.stringify(def.merge?.(JSON.parse(old), args)),
        )
      : null;
    const id = merged ?? this.insert(def, args);
    this.repo.afterCommit(() => {
      if (this.closing) this.repo.release(this.owner.token, id);
      this.changed(id);
      this.pump();
    });
    return id;
  }

  /** Starts the heartbeat; takes over dead processes' rows when adopting. */
  start(): void {
    if (this.timer || this.closing) return;
    this.timer = setInterval(() => this.tick(), this.heartbeatMs);
    this.timer.unref();
    this.tick();
  }

  get(id: number): JobInfo | null {
    const row = this.repo.get(id);
    return row ? this.info(row) : null;
  }

  /** The job's row with handler data (args, result, detail), for handlers built on it. */
  row(id: number): JobRow | null {
    const live = this.running.get(id);
    return live
      ? { ...(this.repo.get(id) ?? live.row), ...this.liveProgress(live) }
      : this.repo.get(id);
  }

  list(states: readonly JobState[] | null = null, limit = 100): JobInfo[] {
    return this.repo.list(states, limit).map((row) => this.info(row));
  }

  /** Cancels a queued row, or stops a running one wherever it runs. */
  cancel(id: number): boolean {
    const outcome = this.repo.cancel(id, Date.now());
    if (outcome === null) return false;
    const local = this.running.get(id);
    if (local) this.stop(local, 'cancel');
    this.changed(id);
    return true;
  }

  retry(id: number): void {
    const row = this.repo.get(id);
    if (row) this.require(row.name);
    const outcome = this.repo.retry(id, this.owner, Date.now(), this.isStale());
    if (outcome === 'not_found') throw new PackshotError('not_found', `No job ${id}`);
    if (outcome === 'not_finished')
      throw new PackshotError('conflict', `Job ${id} has not failed and was not cancelled`);
    if (outcome === 'conflict')
      throw new PackshotError('conflict', `Another job holds what job ${id} needs`);
    this.repo.afterCommit(() => {
      this.changed(id);
      this.pump();
    });
  }

  /** Resolves with the row once it is finished, wherever it runs. */
  async wait(id: number): Promise<JobRow> {
    for (;;) {
      const row = this.repo.get(id);
      if (!row) throw new PackshotError('not_found', `No job ${id}`);
      if (row.state !== 'queued' && row.state !== 'running') return row;
      // Ours end with a signal; another process's are read again now and then.
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.ended.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, this.heartbeatMs / 4);
        this.ended.add(wake);
      });
    }
  }

  /**
   * Stops: 'finish' handlers run this process's rows to the end, the others are aborted
   * and their rows left queued for the next engine.
   */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const r of this.running.values())
      if (this.require(r.row.name).onClose !== 'finish') this.stop(r, 'close');
    for (;;) {
      this.pump(true);
      if (this.running.size === 0) break;
      await Promise.allSettled([...this.running.values()].map((r) => r.done));
    }
    if (this.repo.release(this.owner.token) > 0) this.options.onChange?.(null);
  }

  private insert(def: AnyDefinition, args: unknown): number {
    const lockKey = def.lockKey?.(args) ?? null;
    const outcome = this.repo.insert(
      { name: def.name, args: JSON.stringify(args ?? null), lockKey },
      this.owner,
      Date.now(),
      this.isStale(),
    );
    if ('conflict' in outcome) {
      const pid = outcome.conflict.owner_pid;
      const where = outcome.conflict.owner_token === this.owner.token ? 'here' : `process ${pid}`;
      throw new PackshotError(
        'conflict',
        `${this.labelOf(outcome.conflict)} is already running (job ${outcome.conflict.id}, ${where})`,
      );
    }
    return outcome.id;
  }

  /** Claims and starts queued rows of this process while slots are free. */
  private pump(closingOnlyFinish = false): void {
    for (const def of this.definitions.values()) {
      if (this.closing && (!closingOnlyFinish || def.onClose !== 'finish')) continue;
      let busy = [...this.running.values()].filter((r) => r.row.name === def.name).length;
      while (busy < def.concurrency) {
        const row = this.repo.claim(def.name, this.owner, Date.now());
        if (!row) break;
        faultPoint('jobs.claimed');
        this.launch(def, row);
        busy++;
      }
    }
  }

  private launch(def: AnyDefinition, row: JobRow): void {
    const abort = new AbortController();
    const running: Running = {
      row,
      abort,
      reason: null,
      done: Promise.resolve(),
      lastWrite: 0,
      lastEmit: 0,
      firstSample: null,
    };
    const ctx: JobContext<unknown> = {
      id: row.id,
      args: JSON.parse(row.args) as unknown,
      signal: abort.signal,
      previousAttempts: row.attempts - 1,
      progress: (done, total, update) => this.progress(running, done, total, update),
    };
    this.running.set(row.id, running);
    this.changed(row.id);
    running.done = Promise.resolve()
      .then(() => def.run(ctx))
      .then(
        (result) => this.finish(running, 'done', result, null),
        (error: unknown) => this.finish(running, 'failed', null, messageOf(error)),
      );
  }

  private progress(r: Running, done: number, total: number, update: JobProgressUpdate = {}) {
    const now = Date.now();
    r.firstSample ??= { at: now, done };
    const seconds = (now - r.firstSample.at) / 1000;
    const rate = update.rate ?? (seconds >= 1 ? (done - r.firstSample.done) / seconds : 0);
    const detail = update.detail === undefined ? r.row.detail : JSON.stringify(update.detail);
    r.row = { ...r.row, done, total, rate, detail };
    const final = done >= total;
    if (final || now - r.lastWrite >= PROGRESS_WRITE_MS) {
      r.lastWrite = now;
      this.repo.progress(r.row.id, this.owner.token, r.row);
    }
    if (final || now - r.lastEmit >= PROGRESS_EMIT_MS) {
      r.lastEmit = now;
      this.options.onChange?.(this.info(r.row));
    }
  }

  private finish(r: Running, state: 'done' | 'failed', result: unknown, error: string | null) {
    this.running.delete(r.row.id);
    const token = this.owner.token;
    const id = r.row.id;
    if (r.reason === 'close') this.repo.release(token, id);
    else if (r.reason !== 'lease') {
      this.repo.progress(id, token, r.row);
      const ended = r.reason === 'cancel' ? 'cancelled' : state;
      const json = result === undefined ? null : JSON.stringify(result);
      this.repo.end(id, token, ended, json, error, Date.now());
    }
    this.changed(id);
    for (const wake of [...this.ended]) wake();
    if (!this.closing) this.pump();
  }

  private stop(r: Running, reason: StopReason): void {
    if (r.reason !== null) return;
    r.reason = reason;
    r.abort.abort(new Error(`job ${reason}`));
  }

  /** Heartbeat: renew leases, see cancels and lost leases, take over the dead, prune. */
  private tick(): void {
    try {
      const now = Date.now();
      const leases = new Map(this.repo.heartbeat(this.owner, now).map((l) => [l.id, l]));
      for (const r of this.running.values()) {
        const lease = leases.get(r.row.id);
        if (!lease) this.stop(r, 'lease');
        else if (lease.cancel_requested) this.stop(r, 'cancel');
      }
      if (this.options.adopt) {
        const names = [...this.definitions.keys()];
        if (this.repo.adopt(this.owner, names, now, this.isStale(now)) > 0) this.pump();
      }
      if (now - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = now;
        const keepMs = this.options.keepMs ?? 7 * 24 * 3600_000;
        this.repo.prune(this.options.keep ?? 200, now - keepMs);
      }
      const fingerprint = this.repo.fingerprint();
      if (fingerprint !== this.fingerprint && this.fingerprint !== '')
        this.options.onChange?.(null);
      this.fingerprint = fingerprint;
    } catch (error) {
      // A busy database (another process's long write) only delays the next beat.
      console.warn(`packshot: job heartbeat failed: ${messageOf(error)}`);
    }
  }

  private isStale(now = Date.now()): (row: JobRow) => boolean {
    return staleCheck(this.owner, this.staleMs, now);
  }

  private changed(id: number): void {
    if (!this.options.onChange) return;
    const row = this.row(id);
    this.options.onChange(row ? this.info(row) : null);
  }

  private info(row: JobRow): JobInfo {
    const live = this.running.get(row.id);
    const current = live ? { ...row, ...this.liveProgress(live) } : row;
    return jobInfo(current, this.labelOf(current), this.owner.token);
  }

  private liveProgress(r: Running): Pick<JobRow, 'done' | 'total' | 'rate' | 'detail'> {
    return { done: r.row.done, total: r.row.total, rate: r.row.rate, detail: r.row.detail };
  }

  private labelOf(row: JobRow): string {
    const def = this.definitions.get(row.name);
    if (!def) return row.name;
    try {
      return def.label(JSON.parse(row.args) as unknown);
    } catch {
      return row.name;
    }
  }

  private require(name: string): AnyDefinition {
    const def = this.definitions.get(name);
    if (!def) throw new PackshotError('invalid_argument', `No job handler named ${name}`);
    return def;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
