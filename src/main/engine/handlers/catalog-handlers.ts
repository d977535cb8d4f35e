import { PackshotError } from '../../../shared/errors';
import { isWithin, resolveCatalogPath } from '../catalog/resolve-catalog-path';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { VERSION } from '../version';
import { writeTransaction } from '../db/write-transaction';

export function catalogHandlers(
  ctx: EngineContext,
): HandlerGroup<NamespaceMethods<'catalogs' | 'libraries'>> {
  const { catalogs, bus } = ctx;
  return {
    'libraries.info': () => Promise.resolve({ version: VERSION, dataDir: ctx.dataDir }),

    'catalogs.add': async ({ path }) => {
      const folder = await resolveCatalogPath(path);
      // The checks and the insert in one write: another process may add a catalog meanwhile.
      const outcome = writeTransaction(ctx.db, () => {
        const same = catalogs.findByPath(folder.path);
        if (same) return { same };
        for (const other of catalogs.list()) {
          if (isWithin(other.path, folder.path) || isWithin(folder.path, other.path)) {
            throw new PackshotError(
              'conflict',
              `${folder.path} overlaps the catalog ${other.path}; a file may belong to one catalog only`,
            );
          }
        }
        return { id: catalogs.insert(folder.path, folder.name) };
      });
      if (outcome.same) return outcome.same;
      const id = outcome.id;
      bus.emit('catalogs.changed', {});
      const watching = ctx.live ? ctx.startWatching(id) : Promise.resolve();
      ctx
        .scan(id, watching)
        .catch((error: unknown) =>
          console.error(`packshot: scanning ${folder.path} failed:`, error),
        );
      const added = catalogs.get(id);
      if (!added) throw new PackshotError('internal', 'The catalog vanished as it was added');
      return added;
    },

    'catalogs.list': () => Promise.resolve(catalogs.list()),

    'catalogs.remove': async ({ id }) => {
      await ctx.stopWatching(id);
      const removed = catalogs.remove(id);
      if (!removed) throw new PackshotError('not_found', `No catalog with id ${id}`);
      bus.emit('catalogs.changed', {});
      bus.emit('assets.changed', { catalogId: id });
      return { removed };
    },

    'catalogs.configure': async ({ id, ignore, xmp, xmpNaming }) => {
      if (!catalogs.get(id)) throw new PackshotError('not_found', `No catalog with id ${id}`);
      if (ignore) catalogs.setIgnore(id, ignore);
      catalogs.setXmp(id, xmp, xmpNaming);
      if (ctx.isWatching(id)) {
        await ctx.stopWatching(id);
        await ctx.startWatching(id);
      }
      await ctx.scan(id);
      const updated = catalogs.get(id);
      if (!updated) throw new PackshotError('not_found', `No catalog with id ${id}`);
      return updated;
    },

    'catalogs.scan': async ({ id }) => {
      const ids = id === undefined ? catalogs.list().map((c) => c.id) : [id];
      let listed = 0;
      let queued = 0;
      for (const catalogId of ids) {
        const result = await ctx.scan(catalogId);
        listed += result.listed;
        queued += result.queued;
      }
      return { listed, queued };
    },
  };
}
