import type { EditResult } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { strip } from './engine-context';

export function tagHandlers(ctx: EngineContext): HandlerGroup<NamespaceMethods<'tags'>> {
  const { tags, tagEdits } = ctx;
  /** A tag edit: one undoable step that may touch tags and assets. */
  const step = (result: EditResult & { touched: number[] }): Promise<EditResult> =>
    Promise.resolve(strip(ctx.edited(result, true)));
  return {
    'tags.list': () => Promise.resolve(tags.list()),
    'tags.apply': ({ ids, path }) => step(tagEdits.apply(ids, path)),
    'tags.remove': ({ ids, tagId }) => step(tagEdits.remove(ids, tagId)),
    'tags.applyQuery': ({ query: text, path, remove }) => {
      const ids = ctx.idsFor(text);
      if (ids.length === 0)
        return Promise.resolve({ changed: 0, step: null, canUndo: false, canRedo: false });
      if (!remove) return step(tagEdits.apply(ids, path));
      const tag = tags.list().find((t) => t.path.toLowerCase() === path.toLowerCase());
      if (!tag) throw new PackshotError('not_found', `No tag ${path}`);
      return step(tagEdits.remove(ids, tag.id));
    },
    'tags.rename': ({ id, name }) => step(tagEdits.rename(id, name)),
    'tags.move': ({ id, parentId }) => step(tagEdits.move(id, parentId)),
    'tags.merge': ({ from, into }) => step(tagEdits.merge(from, into)),
    'tags.import': ({ text }) => {
      const result = tagEdits.import(text);
      ctx.bus.emit('tags.changed', {});
      return Promise.resolve(result);
    },
  };
}
