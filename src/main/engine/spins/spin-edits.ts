import { PackshotError } from '../../../shared/errors';
import type { EditLog, StepResult } from '../edit/edit-log';
import { part } from '../edit/undo-kind';
import type { SpinRepo, SpinSnapshot, StoredFrame } from '../repositories/spin-repo';
import { orderFrames, type Named } from './frame-order';
import { registerSpinUndo, SPIN_STATE } from './spin-undo-kinds';

export type SpinStep = StepResult & { spinId: number | null };

/**
 * Making and changing spins as undoable steps. Each step keeps the whole spin before and
 * after (a row and a few dozen frame ids), read inside the step's transaction, so undo and
 * redo put back exactly what was there.
 */
export class SpinEdits {
  constructor(
    private readonly spins: SpinRepo,
    private readonly log: EditLog,
  ) {
    registerSpinUndo(log, spins);
  }

  /** A spin of these images, ordered by the numbers in their names. */
  create(name: string, frames: readonly Named[], source: string | null): SpinStep {
    const made = this.createMany([{ name, frames, source }], `Make spin ${name}`);
    return { ...made, spinId: made.spinIds[0] ?? null };
  }

  /** Several spins as one step (a naming rule's): one undo takes them all back. */
  createMany(
    specs: readonly { name: string; frames: readonly Named[]; source: string | null }[],
    label: string,
  ): StepResult & { spinIds: number[] } {
    for (const s of specs)
      if (s.frames.length < 2)
        throw new PackshotError('invalid_argument', 'A spin needs at least 2 image frames');
    const spinIds: number[] = [];
    const result = this.log.step(label, () => {
      spinIds.length = 0; // the work may run again (busy retry)
      const taken = this.spins.taken(specs.flatMap((s) => s.frames.map((f) => f.id)));
      if (taken.size > 0) {
        const [asset, spin] = [...taken][0] as [number, string];
        throw new PackshotError(
          'conflict',
          `${taken.size} of these are frames of a spin already (asset ${asset} in '${spin}')`,
        );
      }
      const parts = specs.map((spec) => {
        const ordered: StoredFrame[] = orderFrames(spec.frames).map((f) => ({
          assetId: f.id,
          number: f.number,
        }));
        const id = this.spins.insert(spec.name, spec.source, (ordered[0] as StoredFrame).assetId);
        this.spins.setFrames(id, ordered);
        spinIds.push(id);
        return part(SPIN_STATE, { spinId: id, before: null, after: this.spins.snapshot(id) });
      });
      return { parts, changed: parts.length };
    });
    return { ...result, spinIds };
  }

  /** What a call that changed nothing answers: no step, the history as it is. */
  nothing(): StepResult {
    const { canUndo, canRedo } = this.log.state();
    return { changed: 0, step: null, canUndo, canRedo, touched: [] };
  }

  rename(id: number, name: string): SpinStep {
    return this.change(id, `Rename spin to ${name}`, (before) => ({
      row: { ...before.row, name },
      frames: before.frames,
    }));
  }

  /** The frames in this order; every frame exactly once. */
  reorder(id: number, assetIds: readonly number[]): SpinStep {
    return this.change(id, 'Reorder spin', (before) => {
      const byId = new Map(before.frames.map((f) => [f.assetId, f]));
      const same =
        assetIds.length === before.frames.length &&
        new Set(assetIds).size === assetIds.length &&
        assetIds.every((a) => byId.has(a));
      if (!same)
        throw new PackshotError('invalid_argument', 'Reorder names every frame of the spin once');
      return { row: before.row, frames: assetIds.map((a) => byId.get(a) as StoredFrame) };
    });
  }

  /** Frames out (their assets stay, shown in the grid again); none left dissolves it. */
  removeFrames(id: number, assetIds: readonly number[]): SpinStep {
    const gone = new Set(assetIds);
    return this.change(id, `Remove ${assetIds.length} frame(s) from spin`, (before) => {
      const frames = before.frames.filter((f) => !gone.has(f.assetId));
      if (frames.length === 0) return null;
      const cover = frames.some((f) => f.assetId === before.row.cover_asset_id)
        ? before.row.cover_asset_id
        : (frames[0] as StoredFrame).assetId;
      return { row: { ...before.row, cover_asset_id: cover }, frames };
    });
  }

  dissolve(id: number): SpinStep {
    return this.change(id, 'Dissolve spin', () => null);
  }

  private change(
    id: number,
    label: string,
    plan: (before: SpinSnapshot) => SpinSnapshot | null,
  ): SpinStep {
    const named = this.spins.get(id);
    const result = this.log.step(`${label}${named ? ` (${named.name})` : ''}`, () => {
      const before = this.spins.snapshot(id);
      if (!before) throw new PackshotError('not_found', `No spin with id ${id}`);
      const after = plan(before);
      if (JSON.stringify(after) === JSON.stringify(before)) return { parts: [], changed: 0 };
      this.spins.put(id, after);
      return { parts: [part(SPIN_STATE, { spinId: id, before, after })], changed: 1 };
    });
    return { ...result, spinId: this.spins.get(id) ? id : null };
  }
}
