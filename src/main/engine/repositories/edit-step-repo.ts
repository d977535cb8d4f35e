import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface EditStepRow {
  id: number;
  label: string;
  /** JSON: the step's parts, `{kind, data}` each. */
  ops: string;
}

export interface EditStepCounts {
  done: number;
  undone: number;
}

/** The durable undo history (edit_steps): steps done (undone = 0) and undone (1). */
export class EditStepRepo {
  constructor(private readonly db: Db) {}

  /** A new step; a new edit after an undo drops the steps that were undone, as editors do. */
  append(label: string, ops: string): void {
    statements(this.db).prepare('DELETE FROM edit_steps WHERE undone = 1').run();
    statements(this.db)
      .prepare('INSERT INTO edit_steps (label, ops, at) VALUES (?, ?, ?)')
      .run(label, ops, new Date().toISOString());
  }

  /** The step Undo would revert. */
  lastDone(): EditStepRow | undefined {
    return statements(this.db)
      .prepare<[], EditStepRow>(
        'SELECT id, label, ops FROM edit_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1',
      )
      .get();
  }

  /** The step Redo would do again. */
  firstUndone(): EditStepRow | undefined {
    return statements(this.db)
      .prepare<[], EditStepRow>(
        'SELECT id, label, ops FROM edit_steps WHERE undone = 1 ORDER BY id LIMIT 1',
      )
      .get();
  }

  markUndone(id: number, undone: boolean): void {
    statements(this.db)
      .prepare('UPDATE edit_steps SET undone = ? WHERE id = ?')
      .run(undone ? 1 : 0, id);
  }

  counts(): EditStepCounts {
    return (
      statements(this.db)
        .prepare<[], EditStepCounts>(
          `SELECT count(*) FILTER (WHERE undone = 0) AS done,
                  count(*) FILTER (WHERE undone = 1) AS undone FROM edit_steps`,
        )
        .get() ?? { done: 0, undone: 0 }
    );
  }
}
