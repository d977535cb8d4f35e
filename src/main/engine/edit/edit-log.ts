import type { ColorLabel, EditResult, Flag } from '../../../shared/dto';
import { writeCollectionItems } from '../collections/collection-items';
import type { Db } from '../db/open-database';
import { mergeLinks, type LinkRow } from '../products/link-repo';
import type { TagRepo, TagRow } from '../tags/tag-repo';

export interface CullingChange {
  rating?: number;
  flag?: Flag;
  label?: ColorLabel | null;
}

type Field = keyof CullingChange;
type Value = number | string | null;
const FIELDS: readonly Field[] = ['rating', 'flag', 'label'];

/** One step's parts. Each knows how to be done again and undone. */
export type Op =
  /** A field set to one value; the old values grouped by value. */
  | { type: 'field'; field: Field; after: Value; before: { value: Value; ids: number[] }[] }
  /** Assets that gained and lost a tag. */
  | { type: 'links'; tagId: number; added: number[]; removed: number[] }
  /** A tag renamed or moved. */
  | {
      type: 'place';
      tagId: number;
      before: { parentId: number; name: string };
      after: { parentId: number; name: string };
    }
  /** A tag merged into another: who had it, who gained the other, whose children moved. */
  | {
      type: 'merge';
      from: TagRow;
      into: number;
      had: number[];
      gained: number[];
      children: number[];
    }
  /** A product's media links before and after (links made meanwhile by others are kept). */
  | { type: 'productLinks'; productId: number; before: LinkRow[]; after: LinkRow[] }
  /** A manual collection's members, in order, before and after. */
  | { type: 'collection'; collectionId: number; before: number[]; after: number[] };

/**
 * Every edit is a step that can be undone and redone: culling fields in batches of any
 * size (old values grouped by value, so a step over 10,000 assets is a few set-based
 * UPDATEs), tag links, renames, moves and merges. A new edit after an undo drops the
 * steps that were undone, as editors do.
 */
export class EditLog {
  constructor(
    private readonly db: Db,
    private readonly tags: TagRepo,
  ) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS edit_ids (id INTEGER PRIMARY KEY)');
  }

  /** Sets culling fields on assets, as one step. */
  setFields(label: string, ids: readonly number[], change: CullingChange): EditResult {
    return this.fieldStep(label, [{ ids, change }]);
  }

  /** Picks one frame and rejects the others, as one step. */
  keepBest(label: string, best: number, rest: readonly number[]): EditResult {
    return this.fieldStep(label, [
      { ids: [best], change: { flag: 'pick' } },
      { ids: rest, change: { flag: 'reject' } },
    ]);
  }

  private fieldStep(
    label: string,
    parts: { ids: readonly number[]; change: CullingChange }[],
  ): EditResult {
    const changed = new Set<number>();
    const ops: Op[] = [];
    this.db.transaction(() => {
      for (const { ids, change } of parts) {
        this.load(ids);
        for (const field of FIELDS) {
          const after = change[field];
          if (after === undefined) continue;
          const rows = this.db
            .prepare<[Value], { id: number; value: Value }>(
              `SELECT a.id, a.${field} AS value FROM assets a JOIN edit_ids e ON e.id = a.id WHERE a.${field} IS NOT ?`,
            )
            .all(after);
          if (rows.length === 0) continue;
          const groups = new Map<Value, number[]>();
          for (const row of rows) groups.set(row.value, [...(groups.get(row.value) ?? []), row.id]);
          ops.push({
            type: 'field',
            field,
            after,
            before: [...groups].map(([value, group]) => ({ value, ids: group })),
          });
          this.db
            .prepare(
              `UPDATE assets SET ${field} = ? WHERE id IN (SELECT id FROM edit_ids) AND ${field} IS NOT ?`,
            )
            .run(after, after);
          for (const row of rows) changed.add(row.id);
        }
      }
      this.record(label, ops);
    })();
    return this.result(changed.size, ops.length > 0 ? label : null);
  }

  /** Runs `work` (which changes tags and returns what it did) as one step. */
  tagStep(
    label: string,
    work: () => { ops: Op[]; changed: number },
  ): EditResult & { touched: number[] } {
    let outcome = { ops: [] as Op[], changed: 0 };
    this.db.transaction(() => {
      outcome = work();
      this.record(label, outcome.ops);
    })();
    return {
      ...this.result(outcome.changed, outcome.ops.length > 0 ? label : null),
      touched: this.touched(outcome.ops),
    };
  }

  /** Runs `work` (which changes product links and returns what it did) as one step. */
  linkStep(label: string, work: () => { ops: Op[]; changed: number }): EditResult {
    let outcome = { ops: [] as Op[], changed: 0 };
    this.db.transaction(() => {
      outcome = work();
      this.record(label, outcome.ops);
    })();
    return this.result(outcome.changed, outcome.ops.length > 0 ? label : null);
  }

  undo(): EditResult & { touched: number[] } {
    return this.travel('undo');
  }

  redo(): EditResult & { touched: number[] } {
    return this.travel('redo');
  }

  private travel(direction: 'undo' | 'redo'): EditResult & { touched: number[] } {
    const step = this.db
      .prepare<[], { id: number; label: string; ops: string }>(
        direction === 'undo'
          ? 'SELECT id, label, ops FROM edit_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1'
          : 'SELECT id, label, ops FROM edit_steps WHERE undone = 1 ORDER BY id LIMIT 1',
      )
      .get();
    if (!step) return { ...this.result(0, null), touched: [] };
    const ops = JSON.parse(step.ops) as Op[];
    let changed = 0;
    this.db.transaction(() => {
      const ordered = direction === 'undo' ? [...ops].reverse() : ops;
      for (const op of ordered) changed += direction === 'undo' ? this.revert(op) : this.replay(op);
      this.db
        .prepare('UPDATE edit_steps SET undone = ? WHERE id = ?')
        .run(direction === 'undo' ? 1 : 0, step.id);
    })();
    return { ...this.result(changed, step.label), touched: this.touched(ops) };
  }

  private replay(op: Op): number {
    switch (op.type) {
      case 'field':
        this.load(op.before.flatMap((g) => g.ids));
        return this.db
          .prepare(`UPDATE assets SET ${safe(op.field)} = ? WHERE id IN (SELECT id FROM edit_ids)`)
          .run(op.after).changes;
      case 'links':
        this.tags.link(op.added, op.tagId);
        this.tags.unlink(op.removed, op.tagId);
        return op.added.length + op.removed.length;
      case 'place':
        this.tags.place(op.tagId, op.after.parentId, op.after.name);
        return 1;
      case 'merge':
        this.tags.link(op.gained, op.into);
        for (const child of op.children) {
          const row = this.tags.require(child);
          this.tags.place(child, op.into, row.name);
        }
        this.tags.delete(op.from.id);
        return op.had.length;
      case 'productLinks':
        return mergeLinks(this.db, op.productId, op.after, op.before);
      case 'collection':
        writeCollectionItems(this.db, op.collectionId, op.after);
        return 1;
    }
  }

  private revert(op: Op): number {
    switch (op.type) {
      case 'field': {
        let changed = 0;
        for (const group of op.before) {
          this.load(group.ids);
          changed += this.db
            .prepare(
              `UPDATE assets SET ${safe(op.field)} = ? WHERE id IN (SELECT id FROM edit_ids)`,
            )
            .run(group.value).changes;
        }
        return changed;
      }
      case 'links':
        this.tags.unlink(op.added, op.tagId);
        this.tags.link(op.removed, op.tagId);
        return op.added.length + op.removed.length;
      case 'place':
        this.tags.place(op.tagId, op.before.parentId, op.before.name);
        return 1;
      case 'merge':
        this.tags.restore(op.from);
        this.tags.link(op.had, op.from.id);
        this.tags.unlink(op.gained, op.into);
        for (const child of op.children) {
          const row = this.tags.require(child);
          this.tags.place(child, op.from.id, row.name);
        }
        return op.had.length;
      case 'productLinks':
        return mergeLinks(this.db, op.productId, op.before, op.after);
      case 'collection':
        writeCollectionItems(this.db, op.collectionId, op.before);
        return 1;
    }
  }

  /** Assets whose keywords a step changes (a renamed tag changes every asset under it). */
  private touched(ops: readonly Op[]): number[] {
    const ids = new Set<number>();
    for (const op of ops) {
      if (op.type === 'links') [...op.added, ...op.removed].forEach((id) => ids.add(id));
      if (op.type === 'merge')
        [...op.had, ...this.tags.assetsUnder(op.into)].forEach((id) => ids.add(id));
      if (op.type === 'place') this.tags.assetsUnder(op.tagId).forEach((id) => ids.add(id));
      if (op.type === 'field') op.before.forEach((g) => g.ids.forEach((id) => ids.add(id)));
    }
    return [...ids];
  }

  private record(label: string, ops: readonly Op[]): void {
    if (ops.length === 0) return;
    this.db.prepare('DELETE FROM edit_steps WHERE undone = 1').run();
    this.db
      .prepare('INSERT INTO edit_steps (label, ops, at) VALUES (?, ?, ?)')
      .run(label, JSON.stringify(ops), new Date().toISOString());
  }

  private load(ids: readonly number[]): void {
    this.db.prepare('DELETE FROM edit_ids').run();
    this.db
      .prepare('INSERT OR IGNORE INTO edit_ids (id) SELECT value FROM json_each(?)')
      .run(JSON.stringify(ids));
  }

  private result(changed: number, step: string | null): EditResult {
    const counts = this.db
      .prepare<[], { done: number; undone: number }>(
        `SELECT count(*) FILTER (WHERE undone = 0) AS done, count(*) FILTER (WHERE undone = 1) AS undone FROM edit_steps`,
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
