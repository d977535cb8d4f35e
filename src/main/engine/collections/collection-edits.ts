import { PackshotError } from '../../../shared/errors';
import type { EditLog, StepResult } from '../edit/edit-log';
import { part } from '../edit/undo-kind';
import type { CollectionRepo } from '../repositories/collection-repo';
import {
  COLLECTION_DELETE,
  COLLECTION_ITEMS,
  registerCollectionUndo,
} from './collection-undo-kinds';

/**
 * Changes to a manual collection's members, and deleting a collection, as undoable steps.
 * Each step keeps the order before and after (ids only), so undo and redo put back exactly
 * what was there.
 */
export class CollectionEdits {
  constructor(
    private readonly collections: CollectionRepo,
    private readonly log: EditLog,
  ) {
    registerCollectionUndo(log, collections);
  }

  /** Deletes a collection (never its assets); undo brings it back with its id and members. */
  delete(id: number): StepResult & { removed: boolean } {
    const named = this.collections.get(id);
    let removed = false;
    const result = this.log.step(`Delete collection ${named?.name ?? id}`, () => {
      removed = false;
      const row = this.collections.get(id);
      if (!row) return { parts: [], changed: 0 };
      const items = this.collections.items(id);
      removed = this.collections.delete(id);
      return { parts: [part(COLLECTION_DELETE, { row, items })], changed: 1 };
    });
    return { ...result, removed };
  }

  add(id: number, assetIds: readonly number[], position?: number): StepResult {
    const row = this.collections.requireManual(id);
    return this.step(
      id,
      (n) => `Add ${plural(n)} to ${row.name}`,
      (before) => {
        const present = new Set(before);
        const fresh = [...new Set(this.collections.existing(assetIds))].filter(
          (a) => !present.has(a),
        );
        const at = Math.min(position ?? before.length, before.length);
        const after = [...before.slice(0, at), ...fresh, ...before.slice(at)];
        return { after, changed: fresh.length };
      },
    );
  }

  remove(id: number, assetIds: readonly number[]): StepResult {
    const row = this.collections.requireManual(id);
    return this.step(
      id,
      (n) => `Remove ${plural(n)} from ${row.name}`,
      (before) => {
        const gone = new Set(assetIds);
        const after = before.filter((a) => !gone.has(a));
        return { after, changed: before.length - after.length };
      },
    );
  }

  move(id: number, assetId: number, position: number): StepResult {
    const row = this.collections.requireManual(id);
    return this.step(
      id,
      () => `Reorder ${row.name}`,
      (before) => {
        const from = before.indexOf(assetId);
        if (from < 0)
          throw new PackshotError('not_found', `Asset ${assetId} is not in '${row.name}'`);
        const rest = before.filter((a) => a !== assetId);
        const to = Math.min(position, rest.length);
        const after = [...rest.slice(0, to), assetId, ...rest.slice(to)];
        return { after, changed: to === from ? 0 : 1 };
      },
    );
  }

  /**
   * The members are read inside the step's write transaction: read before it, a change
   * another process made in between would be overwritten by `after`, and lost.
   */
  private step(
    id: number,
    label: (changed: number) => string,
    plan: (before: number[]) => { after: number[]; changed: number },
  ): StepResult {
    // The label is written before the step, from what is there now (it is only words).
    return this.log.step(label(plan(this.collections.items(id)).changed), () => {
      this.collections.requireManual(id); // another process may have deleted it meanwhile
      const before = this.collections.items(id);
      const { after, changed } = plan(before);
      if (changed === 0) return { parts: [], changed: 0 };
      this.collections.setItems(id, after);
      return { parts: [part(COLLECTION_ITEMS, { collectionId: id, before, after })], changed };
    });
  }
}

function plural(n: number): string {
  return `${n} asset${n === 1 ? '' : 's'}`;
}
