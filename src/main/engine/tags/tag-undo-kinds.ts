import type { EditLog } from '../edit/edit-log';
import { kindName } from '../edit/undo-kind';
import type { TagRepo, TagRow } from '../repositories/tag-repo';

/** Assets that gained and lost a tag. */
export interface TagLinks {
  tagId: number;
  added: number[];
  removed: number[];
}

/** A tag renamed or moved. */
export interface TagPlace {
  tagId: number;
  before: { parentId: number; name: string };
  after: { parentId: number; name: string };
}

/** A tag merged into another: who had it, who gained the other, whose children moved. */
export interface TagMerge {
  from: TagRow;
  into: number;
  had: number[];
  gained: number[];
  children: number[];
}

export const TAG_LINKS = kindName<TagLinks>('tags.links');
export const TAG_PLACE = kindName<TagPlace>('tags.place');
export const TAG_MERGE = kindName<TagMerge>('tags.merge');

const signals = ['tags.changed'] as const;

/** Registers the tag domain's undo kinds, over its repository. */
export function registerTagUndo(log: EditLog, tags: TagRepo): void {
  const links = (tagId: number, add: number[], remove: number[]) => {
    tags.link(add, tagId);
    tags.unlink(remove, tagId);
    return { changed: add.length + remove.length, touched: [...add, ...remove], signals };
  };
  // A renamed tag changes the keywords of every asset under it.
  const place = (tagId: number, to: TagPlace['before']) => {
    tags.place(tagId, to.parentId, to.name);
    return { changed: 1, touched: tags.assetsUnder(tagId), signals };
  };
  const moveChildren = (children: number[], parentId: number): void => {
    for (const child of children) tags.place(child, parentId, tags.require(child).name);
  };
  log.register({
    name: TAG_LINKS,
    undo: (op) => links(op.tagId, op.removed, op.added),
    redo: (op) => links(op.tagId, op.added, op.removed),
  });
  log.register({
    name: TAG_PLACE,
    undo: (op) => place(op.tagId, op.before),
    redo: (op) => place(op.tagId, op.after),
  });
  log.register({
    name: TAG_MERGE,
    undo: (op) => {
      tags.restore(op.from);
      tags.link(op.had, op.from.id);
      tags.unlink(op.gained, op.into);
      moveChildren(op.children, op.from.id);
      return { changed: op.had.length, touched: mergeTouched(tags, op), signals };
    },
    redo: (op) => {
      tags.link(op.gained, op.into);
      moveChildren(op.children, op.into);
      tags.delete(op.from.id);
      return { changed: op.had.length, touched: mergeTouched(tags, op), signals };
    },
  });
}

/** Assets whose keywords a merge changed: those that had it and all under the target. */
export function mergeTouched(tags: TagRepo, op: TagMerge): number[] {
  return [...new Set([...op.had, ...tags.assetsUnder(op.into)])];
}
