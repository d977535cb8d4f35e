import { faultPoint } from '../faults/fault-points';
import { PackshotError } from '../../../shared/errors';
import type { EditLog, StepResult } from '../edit/edit-log';
import { part } from '../edit/undo-kind';
import { parseKeywordList } from '../../../shared/tag-path';
import type { TagRepo } from '../repositories/tag-repo';
import { mergeTouched, registerTagUndo, TAG_LINKS, TAG_MERGE, TAG_PLACE } from './tag-undo-kinds';

/** Tag edits as undoable steps: apply, remove, rename, move, merge; and keyword-list import. */
export class TagEdits {
  constructor(
    private readonly tags: TagRepo,
    private readonly log: EditLog,
  ) {
    registerTagUndo(log, tags);
  }

  apply(ids: readonly number[], path: string): StepResult {
    return this.log.step(`Tag ${path} (${plural(ids.length)})`, () => {
      const tagId = this.tags.ensurePath(path);
      faultPoint('tags.path-ensured');
      const added = this.tags.link(ids, tagId);
      return {
        parts: added.length > 0 ? [part(TAG_LINKS, { tagId, added, removed: [] })] : [],
        changed: added.length,
        touched: added,
      };
    });
  }

  remove(ids: readonly number[], tagId: number): StepResult {
    const tag = this.tags.require(tagId);
    return this.log.step(`Remove tag ${tag.path} (${plural(ids.length)})`, () => {
      const removed = this.tags.unlink(ids, tagId);
      return {
        parts: removed.length > 0 ? [part(TAG_LINKS, { tagId, added: [], removed })] : [],
        changed: removed.length,
        touched: removed,
      };
    });
  }

  rename(id: number, name: string): StepResult {
    const tag = this.tags.require(id);
    return this.place(id, { name }, `Rename tag ${tag.path} to ${name}`);
  }

  move(id: number, parentId: number): StepResult {
    const tag = this.tags.require(id);
    return this.place(id, { parentId }, `Move tag ${tag.path}`);
  }

  merge(from: number, into: number): StepResult {
    if (from === into)
      throw new PackshotError('invalid_argument', 'A tag cannot be merged into itself');
    const named = this.tags.require(from);
    const target = this.tags.require(into);
    return this.log.step(`Merge tag ${named.path} into ${target.path}`, () => {
      // Read inside: undo puts back the tag as it was merged, not as it was before the step.
      const source = this.tags.require(from);
      this.tags.require(into);
      const had = this.tags.assetsWith(from);
      const gained = this.tags.link(had, into);
      const children = this.tags.children(from);
      for (const child of children) this.tags.place(child, into, this.tags.require(child).name);
      this.tags.delete(from);
      const merge = { from: source, into, had, gained, children };
      return {
        parts: [part(TAG_MERGE, merge)],
        changed: had.length,
        touched: mergeTouched(this.tags, merge),
      };
    });
  }

  /** A keyword list as Lightroom exports it; existing tags are kept. */
  import(text: string): { created: number; total: number } {
    return this.tags.ensurePaths(parseKeywordList(text));
  }

  /** What is not changed (the parent on a rename, the name on a move) is read inside too. */
  private place(
    id: number,
    change: { parentId?: number; name?: string },
    label: string,
  ): StepResult {
    return this.log.step(label, () => {
      // Read inside: another process's rename or move is neither undone nor lost.
      const tag = this.tags.require(id);
      this.tags.place(id, change.parentId ?? tag.parent_id, change.name ?? tag.name);
      const after = this.tags.require(id);
      const place = {
        tagId: id,
        before: { parentId: tag.parent_id, name: tag.name },
        after: { parentId: after.parent_id, name: after.name },
      };
      return { parts: [part(TAG_PLACE, place)], changed: 1, touched: this.tags.assetsUnder(id) };
    });
  }
}

function plural(n: number): string {
  return `${n} asset${n === 1 ? '' : 's'}`;
}
