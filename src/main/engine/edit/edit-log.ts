import type { ColorLabel, EditResult, Flag } from '../../../shared/dto';
import type { Db } from '../db/open-database';

export interface CullingChange {
  rating?: number;
  flag?: Flag;
  label?: ColorLabel | null;
}

type Field = keyof CullingChange;
type Value = number | string | null;
const FIELDS: readonly Field[] = ['rating', 'flag', 'label'];

/** One field's change in a step: the new value, and the old values grouped by value. */
interface FieldChange {
  field: Field;
  after: Value;
  before: { value: Value; ids: number[] }[];
}

/**
 * Edits as undoable steps. A step records, per field, the new value and each asset's old
 * one, grouped by value, so a batch over 10,000 assets is a handful of set-based UPDATEs
 * either way. A new edit after an undo drops the steps that were undone, as editors do.
 */
export class EditLog {
  constructor(private readonly db: Db) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS edit_ids (id INTEGER PRIMARY KEY)');
  }

  apply(label: string, ids: readonly number[], change: CullingChange): EditResult {
    let changed = 0;
    this.db.transaction(() => {
      this.load(ids);
      const changes: FieldChange[] = [];
      for (const field of FIELDS) {
        if (!(field in change) || change[field] === undefined) continue;
        const after = change[field] as Value;
        const rows = this.db
          .prepare<[Value], { id: number; value: Value }>(
            `SELECT a.id, a.${field} AS value FROM assets a JOIN edit_ids e ON e.id = a.id
             WHERE a.${field} IS NOT ?`,
          )
          .all(after);
        if (rows.length === 0) continue;
        const groups = new Map<Value, number[]>();
        for (const row of rows) groups.set(row.value, [...(groups.get(row.value) ?? []), row.id]);
        changes.push({
          field,
          after,
          before: [...groups].map(([value, group]) => ({ value, ids: group })),
        });
        this.db
          .prepare(
            `UPDATE assets SET ${field} = ? WHERE id IN (SELECT id FROM edit_ids) AND ${field} IS NOT ?`,
          )
          .run(after, after);
        changed = Math.max(changed, rows.length);
      }
      if (changes.length === 0) return;
      this.db.prepare('DELETE FROM edit_steps WHERE undone = 1').run();
      this.db
        .prepare('INSERT INTO edit_steps (label, ops, at) VALUES (?, ?, ?)')
        .run(label, JSON.stringify(changes), new Date().toISOString());
    })();
    return this.result(changed, changed > 0 ? label : null);
  }

  undo(): EditResult {
    const step = this.db
      .prepare<[], { id: number; label: string; ops: string }>(
        'SELECT id, label, ops FROM edit_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1',
      )
      .get();
    if (!step) return this.result(0, null);
    let changed = 0;
    this.db.transaction(() => {
      for (const change of JSON.parse(step.ops) as FieldChange[]) {
        for (const group of change.before) {
          this.load(group.ids);
          changed += this.db
            .prepare(
              `UPDATE assets SET ${safe(change.field)} = ? WHERE id IN (SELECT id FROM edit_ids)`,
            )
            .run(group.value).changes;
        }
      }
      this.db.prepare('UPDATE edit_steps SET undone = 1 WHERE id = ?').run(step.id);
    })();
    return this.result(changed, step.label);
  }

  redo(): EditResult {
    const step = this.db
      .prepare<[], { id: number; label: string; ops: string }>(
        'SELECT id, label, ops FROM edit_steps WHERE undone = 1 ORDER BY id LIMIT 1',
      )
      .get();
    if (!step) return this.result(0, null);
    let changed = 0;
    this.db.transaction(() => {
      for (const change of JSON.parse(step.ops) as FieldChange[]) {
        this.load(change.before.flatMap((g) => g.ids));
        changed += this.db
          .prepare(
            `UPDATE assets SET ${safe(change.field)} = ? WHERE id IN (SELECT id FROM edit_ids)`,
          )
          .run(change.after).changes;
      }
      this.db.prepare('UPDATE edit_steps SET undone = 0 WHERE id = ?').run(step.id);
    })();
    return this.result(changed, step.label);
  }

  private load(ids: readonly number[]): void {
    this.db.prepare('DELETE FROM edit_ids').run();
    const insert = this.db.prepare('INSERT OR IGNORE INTO edit_ids (id) VALUES (?)');
    for (const id of ids) insert.run(id);
  }

  private result(changed: number, step: string | null): EditResult {
    const counts = this.db
      .prepare<[], { done: number; undone: number }>(
        `SELECT count(*) FILTER (WHERE undone = 0) AS done, count(*) FILTER (WHERE undone = 1) AS undone
         FROM edit_steps`,
      )
      .get();
    return { changed, step, canUndo: (counts?.done ?? 0) > 0, canRedo: (counts?.undone ?? 0) > 0 };
  }
}

/** Field names come from the stored step: only the three known ones reach SQL. */
function safe(field: string): Field {
  if (!(FIELDS as readonly string[]).includes(field))
    throw new Error(`Unknown edit field ${field}`);
  return field as Field;
}
