import type { ColorLabel, Flag } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import type { EditLog, StepResult } from '../edit/edit-log';
import { kindName, part, type StepPart, type UndoKind } from '../edit/undo-kind';
import {
  CULLING_FIELDS,
  CullingRepo,
  type CullingField,
  type CullingValue,
} from '../repositories/culling-repo';

export interface CullingChange {
  rating?: number;
  flag?: Flag;
  label?: ColorLabel | null;
}

/** A field set to one value; the old values grouped by value (a few UPDATEs to undo). */
export interface FieldChange {
  field: CullingField;
  after: CullingValue;
  before: { value: CullingValue; ids: number[] }[];
}

export const CULLING_FIELD = kindName<FieldChange>('culling.field');

export function cullingFieldKind(repo: CullingRepo): UndoKind<FieldChange> {
  const ids = (c: FieldChange): number[] => c.before.flatMap((g) => g.ids);
  return {
    name: CULLING_FIELD,
    undo: (c) => ({
      changed: c.before.reduce((n, g) => n + repo.set(g.ids, c.field, g.value), 0),
      touched: ids(c),
    }),
    redo: (c) => ({ changed: repo.set(ids(c), c.field, c.after), touched: ids(c) }),
  };
}

/** Rating, flag and colour label on assets, each batch one undoable step. */
export class CullingEdits {
  private readonly repo: CullingRepo;

  constructor(
    db: Db,
    private readonly log: EditLog,
  ) {
    this.repo = new CullingRepo(db);
    log.register(cullingFieldKind(this.repo));
  }

  setFields(label: string, ids: readonly number[], change: CullingChange): StepResult {
    return this.fieldStep(label, [{ ids, change }]);
  }

  /** Picks one frame and rejects the others, as one step. */
  keepBest(label: string, best: number, rest: readonly number[]): StepResult {
    return this.fieldStep(label, [
      { ids: [best], change: { flag: 'pick' } },
      { ids: rest, change: { flag: 'reject' } },
    ]);
  }

  private fieldStep(
    label: string,
    batches: { ids: readonly number[]; change: CullingChange }[],
  ): StepResult {
    return this.log.step(label, () => {
      const changed = new Set<number>();
      const parts: StepPart[] = [];
      for (const { ids, change } of batches) {
        for (const field of CULLING_FIELDS) {
          const after = change[field];
          if (after === undefined) continue;
          const rows = this.repo.differing(ids, field, after);
          if (rows.length === 0) continue;
          const groups = new Map<CullingValue, number[]>();
          for (const row of rows) groups.set(row.value, [...(groups.get(row.value) ?? []), row.id]);
          const before = [...groups].map(([value, group]) => ({ value, ids: group }));
          parts.push(part(CULLING_FIELD, { field, after, before }));
          this.repo.set(ids, field, after);
          for (const row of rows) changed.add(row.id);
        }
      }
      return { parts, changed: changed.size, touched: [...changed] };
    });
  }
}
