// What a job handler declares and what it is handed while it runs.

export interface JobProgressUpdate {
  /** Units per second, when the handler knows better than done/elapsed (e.g. skips). */
  rate?: number;
  /** The handler's own progress fields, kept with the row (JSON). */
  detail?: unknown;
}

export interface JobContext<A> {
  readonly id: number;
  readonly args: A;
  /** Aborted on cancel (from any process), on engine close, or when the lease was lost. */
  readonly signal: AbortSignal;
  /** Runs of this row before this one: above 0 when resumed after a crash or retried. */
  readonly previousAttempts: number;
  progress: (done: number, total: number, update?: JobProgressUpdate) => void;
}

export interface JobDefinition<A, R> {
  name: string;
  /** Rows of this name run at once in one process. */
  concurrency: number;
  /** For humans, in the jobs list. */
  label(args: A): string;
  run(ctx: JobContext<A>): Promise<R>;
  /** At most one live row per key across processes (enqueue answers conflict). */
  lockKey?(args: A): string | null;
  /** Folds new work into a queued row of this process instead of adding one. */
  merge?(queued: A, next: A): A;
  /**
   * On engine close: 'finish' runs this process's rows to the end (short work, e.g. XMP);
   * 'release' (default) aborts them and leaves them queued for the next engine to resume.
   */
  onClose?: 'finish' | 'release';
}

/** A defined job: enqueue typed arguments. */
export interface JobType<A> {
  readonly name: string;
  enqueue(args: A): number;
}
