import type { PlaceholderRepo } from '../repositories/placeholder-repo';
import { firstScansPlaceholder, type FirstScansDue } from './first-scans-look';
import type { LookGroups } from './look-groups';

/**
 * First bytes kept for the due files (64 heads of 128 KB). Every look runs before the first
 * of these runs, so a catalog of 100,000 such files held ~12 GB of heads; past this budget
 * a file keeps none, and its run reads its head again (one read).
 */
const HELD_HEAD_BYTES = 8 * 1024 * 1024;
const NO_HEAD = Buffer.alloc(0);

export interface FirstScansOut {
  /** A placeholder set: the grid paints it. */
  paint(id: number, placeholder: string): void;
  /** Its DC scans could not paint it: only its full index can (the costly lane). */
  costly(id: number): void;
}

/**
 * The DC-scans placeholders of progressive JPEGs without a camera thumbnail, run once every
 * look is done: inside the looks (largest file first) their decodes, 25–66 ms of CPU each,
 * came before most camera files' placeholders. `concurrency` at once (the index's: they
 * share the cores with the costly full indexes that start beside them). A file its index
 * has painted meanwhile is skipped, and a placeholder is set only where none is (the index
 * writes its own over it, as over any look's), so none painted is stale.
 */
export class FirstScansLater {
  private readonly due = new Map<number, FirstScansDue>();
  /** Each file's placeholder being made now. */
  private readonly making = new Map<number, Promise<void>>();
  private running: Promise<void> = Promise.resolve();
  /** Lanes taking due files now, across runs: never more than a run's `concurrency`. */
  private lanes = 0;
  private heldBytes = 0;

  constructor(
    private readonly placeholders: PlaceholderRepo,
    private readonly groups: LookGroups,
  ) {}

  add(due: FirstScansDue): void {
    this.take(due.id); // a file looked at again: its new head replaces the old
    const held = this.heldBytes + due.head.length <= HELD_HEAD_BYTES;
    if (held) this.heldBytes += due.head.length;
    this.due.set(due.id, held ? due : { ...due, head: NO_HEAD });
  }

  /** Takes a file out of the due ones, if it is one. */
  private take(id: number): FirstScansDue | undefined {
    const file = this.due.get(id);
    if (!file) return undefined;
    this.due.delete(id);
    this.heldBytes -= file.head.length;
    return file;
  }

  /** How many wait for `run`. */
  get pending(): number {
    return this.due.size;
  }

  /**
   * A file's full index starts: not yet run, it is dropped (false: the index paints it);
   * being run, the index waits for it, so its placeholder is never painted after the
   * index's (true: painted; false: its scans painted none). True for any other id.
   */
  async claim(id: number): Promise<boolean> {
    if (this.take(id)) return false;
    const making = this.making.get(id);
    if (!making) return true;
    await making;
    // Its scans failed (`costly` found it running): the index paints it after all.
    return this.placeholders.has(id);
  }

  /** Runs every file due now; resolves when they (and any run before) are done. */
  run(
    concurrency: number,
    out: FirstScansOut,
    stopped: () => boolean = () => false,
  ): Promise<void> {
    const next = async (): Promise<void> => {
      this.lanes++;
      try {
        for (;;) {
          const first = this.due.keys().next();
          if (first.done || stopped()) return;
          const file = this.take(first.value);
          if (!file) return;
          // Never rejects: a lane that threw would leave its file's claim and every later
          // idle() and close() to a rejected run.
          const making = this.one(file, out).catch((error: unknown) =>
            console.error(`packshot: the DC-scans placeholder of asset ${file.id} failed:`, error),
          );
          this.making.set(file.id, making);
          await making;
          this.making.delete(file.id);
        }
      } finally {
        this.lanes--;
      }
    };
    // Lanes already going take the files added since too: a second run (the looks of a
    // later burst done) adds only what the first leaves of `concurrency`.
    const more = Math.min(Math.max(1, concurrency) - this.lanes, this.due.size);
    if (more <= 0) return this.running;
    const lanes = Array.from({ length: more }, next);
    const run = Promise.all([this.running, ...lanes]).then(() => undefined);
    this.running = run;
    return run;
  }

  /** Every run started so far is done. */
  whenDone(): Promise<void> {
    return this.running;
  }

  private async one(file: FirstScansDue, out: FirstScansOut): Promise<void> {
    const { id } = file;
    if (this.placeholders.has(id)) return; // its index (or a look) painted it
    let placeholder: string | null = null;
    try {
      placeholder = await firstScansPlaceholder(file.path, file.bytes, file.head);
    } catch {
      placeholder = null;
    }
    if (placeholder === null) return out.costly(id);
    if (this.placeholders.setIfNone(id, placeholder)) out.paint(id, placeholder);
    // Copies that began alike waited on it, as they wait on a costly leader's index.
    for (const copy of this.groups.settle(id, placeholder))
      if (this.placeholders.setIfNone(copy, placeholder)) out.paint(copy, placeholder);
  }
}
