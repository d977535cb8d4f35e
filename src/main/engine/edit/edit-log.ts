import { faultPoint } from '../faults/fault-points';
import type { EditResult, EditState } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { EditStepRepo, type EditStepRow } from '../repositories/edit-step-repo';
import type { Signal, StepPart, UndoKind } from './undo-kind';
import { afterCommit, writeTransaction } from '../db/write-transaction';

/** What a domain's write did, for the log to record as one step. */
export interface StepWork {
  parts: StepPart[];
  changed: number;
  /** Assets whose own metadata changed (XMP write-back). */
  touched?: readonly number[];
}

export type StepResult = EditResult & { touched: number[] };
export type TravelResult = StepResult & { signals: Signal[] };

/**
 * The undo history: steps stored durably (they survive restarts), each a list of parts
 * that the handler registered for the part's kind undoes and redoes. Knows no domain:
 * each domain registers its kinds at composition time.
 */
export class EditLog {
  private readonly steps: EditStepRepo;
  private readonly kinds = new Map<string, UndoKind<unknown>>();

  /**
   * `onTouched` runs inside the step's transaction with the assets whose own metadata it
   * changed: XMP write-back writes its durable job row there, so a crash after the commit can
   * never leave an edit whose write-back nobody will do. It starts the job only after the
   * commit (afterCommit), so a rollback starts nothing.
   */
  constructor(
    private readonly db: Db,
    private readonly onTouched: (ids: readonly number[]) => void = () => undefined,
  ) {
    this.steps = new EditStepRepo(db);
  }

  register<T>(kind: UndoKind<T>): void {
    if (this.kinds.has(kind.name)) throw new Error(`Undo kind ${kind.name} is registered twice`);
    this.kinds.set(kind.name, kind);
  }

  /**
   * Runs a domain's write and records its parts as one step, in one write transaction
   * (nested in the caller's, if it has one). No parts: nothing is recorded, the history stays.
   */
  step(label: string, work: () => StepWork): StepResult {
    let outcome: StepWork = { parts: [], changed: 0 };
    writeTransaction(this.db, () => {
      // First after the outermost commit, before the jobs it queued start.
      afterCommit(this.db, () => faultPoint('edit.committed'));
      outcome = work();
      faultPoint('edit.work-done');
      if (outcome.parts.length === 0) return;
      // A part nobody could undo is a programming error: refuse it before it is stored.
      for (const p of outcome.parts) this.kindOf(p, label);
      this.steps.append(label, JSON.stringify(outcome.parts));
      if (outcome.touched?.length) this.onTouched(outcome.touched);
      faultPoint('edit.step-logged');
    });
    const recorded = outcome.parts.length > 0;
    return {
      ...this.result(outcome.changed, recorded ? label : null),
      touched: [...(outcome.touched ?? [])],
    };
  }

  undo(): TravelResult {
    return this.travel('undo');
  }

  redo(): TravelResult {
    return this.travel('redo');
  }

  state(): EditState {
    const { done, undone } = this.steps.counts();
    return {
      canUndo: done > 0,
      canRedo: undone > 0,
      undoLabel: this.steps.lastDone()?.label ?? null,
      redoLabel: this.steps.firstUndone()?.label ?? null,
    };
  }

  /** One transaction: a part that fails (or a kind this build lacks) leaves all as it was. */
  private travel(direction: 'undo' | 'redo'): TravelResult {
    let changed = 0;
    const touched = new Set<number>();
    const signals = new Set<Signal>();
    const step = writeTransaction(this.db, (): EditStepRow | undefined => {
      // Counted afresh: a transaction retried while busy runs this again.
      changed = 0;
      touched.clear();
      signals.clear();
      const row = direction === 'undo' ? this.steps.lastDone() : this.steps.firstUndone();
      if (!row) return undefined;
      const parts = JSON.parse(row.ops) as StepPart[];
      // Every kind is checked before any part runs: an unknown one fails the step cleanly.
      const handled = parts.map((p) => [this.kindOf(p, row.label), p.data] as const);
      for (const [kind, data] of direction === 'undo' ? handled.reverse() : handled) {
        const outcome = direction === 'undo' ? kind.undo(data) : kind.redo(data);
        changed += outcome.changed;
        outcome.touched?.forEach((id) => touched.add(id));
        outcome.signals?.forEach((s) => signals.add(s));
      }
      this.steps.markUndone(row.id, direction === 'undo');
      if (touched.size > 0) this.onTouched([...touched]);
      return row;
    });
    return {
      ...this.result(changed, step?.label ?? null),
      touched: [...touched],
      signals: [...signals],
    };
  }

  private kindOf(p: StepPart, label: string): UndoKind<unknown> {
    const kind = this.kinds.get(p.kind);
    if (!kind)
      throw new PackshotError(
        'conflict',
        `'${label}' holds a change of kind '${p.kind}' that this version of Packshot cannot undo or redo`,
      );
    return kind;
  }

  private result(changed: number, step: string | null): EditResult {
    const { done, undone } = this.steps.counts();
    return { changed, step, canUndo: done > 0, canRedo: undone > 0 };
  }
}
