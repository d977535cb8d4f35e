import type { JobProgress } from '../../../shared/dto';

export type WorkResult = 'ok' | 'error' | 'skipped';
/**
 * 'looked': the asset has its placeholder (or will never have one); 'costly': only a full
 * decode can give one. Either way the full index is still to come.
 */
export type LookResult = 'looked' | 'costly';

export interface IndexQueueOptions {
  concurrency: number;
  work: (id: number) => Promise<WorkResult>;
  /**
   * A cheap first pass over every queued id (a placeholder from an embedded thumbnail),
   * run before any full index that is not on screen, so the grid paints every asset at
   * once. Ids it calls costly are indexed next, ahead of the rest: their full index is
   * what gives them a placeholder.
   */
  look?: (id: number) => Promise<LookResult>;
  /** Looks at once (default: four per full index). */
  lookConcurrency?: number;
  /**
   * The order looks run in (default: as given), so the costly files they find reach the
   * costly lane in that order: the pipeline puts the largest first. The other full indexes
   * run in it too: a big file found last would otherwise decode alone at the scan's end.
   */
  lookOrder?: (ids: readonly number[]) => readonly number[];
  /**
   * A costly id's placeholder alone, run in the costly lane's turn: its decode kept for its
   * full index, which then waits in a lane of its own, behind every costly id's paint and
   * ahead of the rest (the paints of all costly ids come before any of their indexes).
   * False: no such step for it; its full index runs at once instead.
   */
  paint?: (id: number) => Promise<boolean>;
  /** Every queued costly id has been painted: the pipeline sends the last placeholders now. */
  paintsDone?: () => void;
  /** Painted ids waiting past which their indexes run beside paints (PAINTED_AHEAD). */
  paintedAhead?: number;
  /** Every queued look has run: the pipeline sends their last placeholders now. */
  looksDone?: () => void;
  onProgress: (progress: JobProgress) => void;
  /** Minimum milliseconds between progress reports while running. */
  progressInterval?: number;
}

/**
 * Painted ids that may wait for their full index while costly files are still being painted:
 * a first burst's paints all come first (its last placeholder is what the grid waits on),
 * a longer stream's indexes take turns with its paints.
 */
const PAINTED_AHEAD = 256;

/** A FIFO of ids read through a moving head, compacted now and then. */
class Lane {
  private ids: number[] = [];
  private head = 0;

  push(id: number): void {
    this.ids.push(id);
  }

  peek(): number | undefined {
    return this.ids[this.head];
  }

  shift(): number | undefined {
    const id = this.ids[this.head++];
    if (this.head > 4096 && this.head * 2 > this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.head = 0;
    }
    return id;
  }

  get empty(): boolean {
    return this.head >= this.ids.length;
  }

  /** Ids left, counting those no longer pending (they are dropped as they are reached). */
  get size(): number {
    return this.ids.length - this.head;
  }

  clear(): void {
    this.ids = [];
    this.head = 0;
  }
}

/**
 * A bounded work queue of asset ids. What is on screen jumps the line (prioritize); every
 * id gets its quick look, many at once; then full indexing runs in `lookOrder` (the
 * pipeline's: largest file first), else in the order ids were found.
 * State lives in SQLite, so a crash loses nothing: the engine re-queues unfinished assets
 * on start.
 */
export class IndexQueue {
  /** Ids waiting for their full index (not running). */
  private readonly pending = new Set<number>();
  private readonly normal = new Lane();
  private readonly looks = new Lane();
  private readonly costly = new Lane();
  /** Costly ids painted, waiting for their full index. */
  private readonly painted = new Lane();
  private urgent: number[] = [];
  private readonly running = new Set<number>();
  /** How many of the running are quick looks. */
  private lookRunning = 0;
  /** How many of the running are costly ids' paints. */
  private paintRunning = 0;
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
    const fresh: number[] = [];
    for (const id of ids) {
      if (this.pending.has(id)) continue;
      if (this.running.has(id)) {
        this.again.add(id);
        continue;
      }
      this.pending.add(id);
      fresh.push(id);
    }
    const ordered = this.order(fresh);
    for (const id of ordered) this.normal.push(id);
    if (this.options.look) for (const id of ordered) this.looks.push(id);
    this.pump();
    this.report(true);
  }

  /**
   * `lookOrder`'s order, else as found. The ids are already pending: should the order fail
   * (it reads the database), they must still reach a lane, or the queue is never idle.
   */
  private order(fresh: number[]): readonly number[] {
    const { lookOrder } = this.options;
    if (!lookOrder || fresh.length < 2) return fresh;
    try {
      return lookOrder(fresh);
    } catch (error) {
      console.error('packshot: ordering the index queue failed:', error);
      return fresh;
    }
  }

  /** Moves queued ids to the front, last given first. Returns how many were queued. */
  prioritize(ids: readonly number[]): number {
    let moved = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i];
      if (id !== undefined && this.pending.has(id)) {
        this.urgent.push(id);
        moved++;
      }
    }
    this.pump(); // an index slot may be free while the looks run
    return moved;
  }

  /**
   * A queued id its look thought paintable but is not after all: indexed in the costly lane,
   * ahead of the rest. False when it is no longer waiting for its index.
   */
  costlier(id: number): boolean {
    if (!this.pending.has(id)) return false;
    this.costly.push(id); // its entry in the normal lane is skipped: pending says who is due
    this.pump();
    return true;
  }

  status(): JobProgress {
    const running = !this.idle();
    const seconds = ((running ? Date.now() : this.run.finished) - this.run.started) / 1000;
    const remaining = this.pending.size + this.running.size;
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
    this.pending.clear();
    this.again.clear();
    this.normal.clear();
    this.looks.clear();
    this.costly.clear();
    this.painted.clear();
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
    return this.pending.size === 0 && this.running.size === 0;
  }

  /**
   * Full indexes: on screen first; nothing else until every queued id has had its look
   * (looks are cheap, and they paint the whole grid; a costly index beside them, on the core
   * they seem to leave idle, delayed them on a busy machine); then the assets a look could
   * not paint, in the order their looks ran (their `paint` step, when given); then their
   * full indexes; then the rest in `lookOrder`.
   */
  private takeIndex(): { id: number; paint: boolean } | undefined {
    while (this.urgent.length > 0) {
      const id = this.urgent.pop();
      if (id !== undefined && this.pending.delete(id)) return { id, paint: false };
    }
    if (this.looksDue() || this.lookRunning > 0) return undefined;
    const costly = this.next(this.costly);
    if (costly !== undefined) return { id: costly, paint: this.options.paint !== undefined };
    // The last paints run alone: an index beside one held up the last placeholder. But a
    // long stream of costly files (a big copy into a watched folder) must not hold back
    // every full index: past `paintedAhead` painted ids waiting, indexes run beside paints.
    if (this.paintRunning > 0) {
      if (this.painted.size < (this.options.paintedAhead ?? PAINTED_AHEAD)) return undefined;
      const id = this.next(this.painted);
      return id === undefined ? undefined : { id, paint: false };
    }
    const id = this.next(this.painted) ?? this.next(this.normal);
    return id === undefined ? undefined : { id, paint: false };
  }

  /** The lane's next id still due, taken out of pending. */
  private next(lane: Lane): number | undefined {
    while (!lane.empty) {
      const id = lane.shift();
      if (id !== undefined && this.pending.delete(id)) return id;
    }
    return undefined;
  }

  /** Whether an id still waits for its look (ids indexed meanwhile are dropped). */
  private looksDue(): boolean {
    return this.due(this.looks);
  }

  /** Whether an id in the lane is still pending (those no longer are dropped). */
  private due(lane: Lane): boolean {
    while (!lane.empty) {
      const id = lane.peek();
      if (id !== undefined && this.pending.has(id)) return true;
      lane.shift();
    }
    return false;
  }

  private pump(): void {
    // Looks wait on the disk more than on a core: they get a budget of their own.
    const lookBudget = this.options.lookConcurrency ?? this.options.concurrency * 4;
    while (!this.stopped && this.options.look && this.lookRunning < lookBudget) {
      const id = this.next(this.looks);
      if (id === undefined) break;
      this.start(id, 'look');
    }
    while (!this.stopped && this.running.size - this.lookRunning < this.options.concurrency) {
      const next = this.takeIndex();
      if (next === undefined) break;
      this.start(next.id, next.paint ? 'paint' : 'index');
    }
  }

  private start(id: number, step: 'look' | 'paint' | 'index'): void {
    this.running.add(id);
    if (step === 'look') this.lookRunning++;
    if (step === 'paint') this.paintRunning++;
    void this.execute(id, step);
  }

  private async execute(id: number, step: 'look' | 'paint' | 'index'): Promise<void> {
    const look = step === 'look';
    const { paint } = this.options;
    let result: WorkResult | LookResult | 'painted';
    try {
      if (look && this.options.look) result = await this.options.look(id);
      else if (step === 'paint' && paint) {
        const made = await painted(paint, id);
        this.paintDone();
        if (made) result = 'painted';
        else {
          // No paint made: its index runs now, in the same turn. It is an index, not a
          // paint: the painted ids' indexes may run beside it (say a RAW's, or a huge TIFF's).
          this.pump();
          result = await this.options.work(id);
        }
      } else result = await this.options.work(id);
    } catch (error) {
      // Work functions report per-item failures themselves; this is a bug, not bad input.
      console.error(`packshot: indexing asset ${id} failed unexpectedly:`, error);
      result = look ? 'costly' : 'error'; // a failed look still owes the asset its index
    }
    this.running.delete(id);
    if (look) this.lookRunning--;
    if (result === 'looked' || result === 'costly' || result === 'painted') {
      // Back in line for the full index. Its first place in the lane may have been passed
      // while it was looked at; a second entry is harmless (pending says who is due).
      this.again.delete(id);
      if (!this.stopped) {
        this.pending.add(id);
        const lane = { costly: this.costly, painted: this.painted, looked: this.normal };
        lane[result].push(id);
      }
    } else {
      if (result !== 'skipped') this.run.done++;
      if (result === 'error') this.run.errors++;
      if (this.again.delete(id) && !this.stopped) {
        this.pending.add(id);
        this.urgent.push(id);
      }
    }
    if (this.idle()) this.run.finished = Date.now();
    if (look && this.lookRunning === 0 && !this.looksDue()) this.options.looksDone?.();
    this.pump();
    this.report(false);
    this.settle();
  }

  /** A paint step's paint is over (its index may follow in the same turn). */
  private paintDone(): void {
    this.paintRunning--;
    if (this.paintRunning === 0 && !this.due(this.costly)) this.options.paintsDone?.();
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

/**
 * A paint's answer; one that throws (say its placeholder's write failed) made none: the
 * id's index then runs at once, as for a file it cannot paint, not dropped as an error.
 */
async function painted(paint: (id: number) => Promise<boolean>, id: number): Promise<boolean> {
  try {
    return await paint(id);
  } catch (error) {
    console.error(`packshot: painting asset ${id} failed:`, error);
    return false;
  }
}
