import type { EditResult } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { EditLog, Op } from '../edit/edit-log';
import { parseKeywordList } from './tag-path';
import type { TagRepo } from './tag-repo';

type StepResult = EditResult & { touched: number[] };

/** Tag edits as undoable steps: apply, remove, rename, move, merge; and keyword-list import. */
export class TagEdits {
  constructor(
    private readonly tags: TagRepo,
    private readonly log: EditLog,
  ) {}

  apply(ids: readonly number[], path: string): StepResult {
    return this.log.tagStep(`Tag ${path} (${plural(ids.length)})`, () => {
      const tagId = this.tags.ensurePath(path);
      const added = this.tags.link(ids, tagId);
      return {
        ops: added.length > 0 ? [{ type: 'links', tagId, added, removed: [] }] : [],
        changed: added.length,
      };
    });
  }

  remove(ids: readonly number[], tagId: number): StepResult {
    const tag = this.tags.require(tagId);
    return this.log.tagStep(`Remove tag ${tag.path} (${plural(ids.length)})`, () => {
      const removed = this.tags.unlink(ids, tagId);
      return {
        ops: removed.length > 0 ? [{ type: 'links', tagId, added: [], removed }] : [],
        changed: removed.length,
      };
    });
  }

  rename(id: number, name: string): StepResult {
    const tag = this.tags.require(id);
    return this.place(id, tag.parent_id, name, `Rename tag ${tag.path} to ${name}`);
  }

  move(id: number, parentId: number): StepResult {
    const tag = this.tags.require(id);
    return this.place(id, parentId, tag.name, `Move tag ${tag.path}`);
  }

  merge(from: number, into: number): StepResult {
    if (from === into)
      throw new PackshotError('invalid_argument', 'A tag cannot be merged into itself');
    const source = this.tags.require(from);
    const target = this.tags.require(into);
    return this.log.tagStep(`Merge tag ${source.path} into ${target.path}`, () => {
      const had = this.tags.assetsWith(from);
      const gained = this.tags.link(had, into);
      const children = this.tags.children(from);
      for (const child of children) this.tags.place(child, into, this.tags.require(child).name);
      this.tags.delete(from);
      const op: Op = { type: 'merge', from: source, into, had, gained, children };
      return { ops: [op], changed: had.length };
    });
  }

  /** A keyword list as Lightroom exports it; existing tags are kept. */
  import(text: string): { created: number; total: number } {
    const paths = parseKeywordList(text);
    const before = this.tags.list().length;
    for (const path of paths) this.tags.ensurePath(path);
    const total = this.tags.list().length;
    return { created: total - before, total };
  }

  private place(id: number, parentId: number, name: string, label: string): StepResult {
    const tag = this.tags.require(id);
    return this.log.tagStep(label, () => {
      this.tags.place(id, parentId, name);
      const after = this.tags.require(id);
      const op: Op = {
        type: 'place',
        tagId: id,
        before: { parentId: tag.parent_id, name: tag.name },
        after: { parentId: after.parent_id, name: after.name },
      };
      return { ops: [op], changed: 1 };
    });
  }
}

function plural(n: number): string {
  return `${n} asset${n === 1 ? '' : 's'}`;
}
