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
    const row = this.collections.get(id);
    let removed = false;
    const result = this.log.step(`Delete collection ${row?.name ?? id}`, () => {
      if (!row) return { parts: [], changed: 0 };
      const items = this.collections.items(id);
      removed = this.collections.delete(id);
      return { parts: [part(COLLECTION_DELETE, { row, items })], changed: 1 };
    });
    return { ...result, removed };
  }

  add(id: number, assetIds: readonly number[], position?: number): StepResult {
    const row = this.collections.requireManual(id);
    const before = this.collections.items(id);
    const present = new Set(before);
    const fresh = [...new Set(this.collections.existing(assetIds))].filter((a) => !present.has(a));
    const at = Math.min(position ?? before.length, before.length);
    const after = [...before.slice(0, at), ...fresh, ...before.slice(at)];
    return this.step(`Add ${plural(fresh.length)} to ${row.name}`, id, before, after, fresh.length);
  }

  remove(id: number, assetIds: readonly number[]): StepResult {
    const row = this.collections.requireManual(id);
    const before = this.collections.items(id);
    const gone = new Set(assetIds);
    const after = before.filter((a) => !gone.has(a));
    const changed = before.length - after.length;
    return this.step(`Remove ${plural(changed)} from ${row.name}`, id, before, after, changed);
  }

  move(id: number, assetId: number, position: number): StepResult {
    const row = this.collections.requireManual(id);
    const before = this.collections.items(id);
    const from = before.indexOf(assetId);
    if (from < 0) throw new PackshotError('not_found', `Asset ${assetId} is not in '${row.name}'`);
    const rest = before.filter((a) => a !== assetId);
    const to = Math.min(position, rest.length);
    const after = [...rest.slice(0, to), assetId, ...rest.slice(to)];
    const moved = to === from ? 0 : 1;
    return this.step(`Reorder ${row.name}`, id, before, after, moved);
  }

  private step(
    label: string,
    id: number,
    before: number[],
    after: number[],
    changed: number,
  ): StepResult {
    return this.log.step(label, () => {
      if (changed === 0) return { parts: [], changed: 0 };
      this.collections.setItems(id, after);
      return { parts: [part(COLLECTION_ITEMS, { collectionId: id, before, after })], changed };
    });
  }
}

function plural(n: number): string {
  return `${n} asset${n === 1 ? '' : 's'}`;
}
