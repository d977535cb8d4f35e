// faceGroups.*: "same person" groups (ai/face-group-edits.ts does the work). Changes say
// `faceGroups.changed` (the People view refetches); a release link also says
// `assets.changed`, as the rights handlers do, since badges and the rights check move.
import type { FaceGroupEdits } from '../ai/face-group-edits';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

type Names = NamespaceMethods<'faceGroups'>;

export function faceGroupHandlers(ctx: EngineContext, groups: FaceGroupEdits): HandlerGroup<Names> {
  const changed = <T>(value: T, rights = false): Promise<T> => {
    ctx.bus.emit('faceGroups.changed', {});
    if (rights) ctx.bus.emit('assets.changed', { catalogId: null });
    return Promise.resolve(value);
  };
  return {
    'faceGroups.list': () => Promise.resolve(groups.list()),
    'faceGroups.assets': ({ id }) => Promise.resolve(groups.assets(id)),
    'faceGroups.rename': ({ id, name }) => changed(groups.rename(id, name)),
    'faceGroups.merge': ({ into, from }) => changed(groups.merge(into, from), true),
    'faceGroups.split': ({ id, faceIds }) => changed(groups.split(id, faceIds), true),
    'faceGroups.attachRelease': ({ id, releaseId }) =>
      changed({ assets: groups.attachRelease(id, releaseId).assets }, true),
  };
}
