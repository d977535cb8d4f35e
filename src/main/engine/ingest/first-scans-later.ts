import type { PlaceholderRepo } from '../repositories/placeholder-repo';
import { firstScansPlaceholder, type FirstScansDue } from './first-scans-look';
import type { LookGroups } from './look-groups';

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

  constructor(
    private readonly placeholders: PlaceholderRepo,
    private readonly groups: LookGroups,
  ) {}

  add(due: FirstScansDue): void {
    this.due.set(due.id, due);
  }

  /** How many wait for `run`. */
  get pending(): number {
    return this.due.size;
  }

  /**
   * A file's full index starts: not yet run, it is dropped (false: the index paints it);
   * being run, the index waits for it, so its placeholder is never painted after the
   * index's (true: painted, or left to the index through `costly`). True for any other id.
   */
  async claim(id: number): Promise<boolean> {
    if (this.due.delete(id)) return false;
    await this.making.get(id);
    return true;
  }

  /** Runs every file due now; resolves when they (and any run before) are done. */
  run(
    concurrency: number,
    out: FirstScansOut,
    stopped: () => boolean = () => false,
  ): Promise<void> {
    const next = async (): Promise<void> => {
      for (;;) {
        const file = this.due.values().next().value;
        if (!file || stopped()) return;
        this.due.delete(file.id);
        const making = this.one(file, out);
        this.making.set(file.id, making);
        await making;
        this.making.delete(file.id);
      }
    };
    const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, this.due.size)) }, next);
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
