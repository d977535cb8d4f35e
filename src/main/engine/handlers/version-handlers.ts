import type { VersionStore } from '../media/version-store';
import type { UploadStore } from '../products/csv/csv-uploads';
import { compareVersions } from '../versions/version-compare';
import type { VersionOps } from '../versions/version-ops';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

export function versionHandlers(
  ctx: EngineContext,
  ops: VersionOps,
  store: VersionStore,
  uploads: UploadStore,
): HandlerGroup<NamespaceMethods<'versions'>> {
  const changed = <T>(result: T): T => {
    ctx.bus.emit('assets.changed', { catalogId: null });
    return result;
  };
  return {
    'versions.list': ({ id }) => ops.list(id),
    'versions.replace': async ({ id, path, uploadId, name }) => {
      if (path !== undefined) return changed(await ops.replace(id, path));
      const upload = uploadId ?? '';
      try {
        const from = { bytes: uploads.bytes(upload), name: name ?? 'the uploaded file' };
        return changed(await ops.replace(id, from));
      } finally {
        uploads.discard(upload);
      }
    },
    'versions.restore': async ({ id, n }) => changed(await ops.restore(id, n)),
    'versions.compare': async (args) => {
      const compared = await compareVersions({ ops, store, cache: ctx.cache }, args);
      ctx.prunePreviews(); // a new diff (and maybe a preview) was written
      return compared;
    },
  };
}
