import type { VersionStore } from '../media/version-store';
import { compareVersions } from '../versions/version-compare';
import type { VersionOps } from '../versions/version-ops';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

export function versionHandlers(
  ctx: EngineContext,
  ops: VersionOps,
  store: VersionStore,
): HandlerGroup<NamespaceMethods<'versions'>> {
  const changed = <T>(result: T): T => {
    ctx.bus.emit('assets.changed', { catalogId: null });
    return result;
  };
  return {
    'versions.list': ({ id }) => ops.list(id),
    'versions.replace': async ({ id, path }) => changed(await ops.replace(id, path)),
    'versions.restore': async ({ id, n }) => changed(await ops.restore(id, n)),
    'versions.compare': async (args) => {
      const compared = await compareVersions({ ops, store, cache: ctx.cache }, args);
      ctx.prunePreviews(); // a new diff (and maybe a preview) was written
      return compared;
    },
  };
}
