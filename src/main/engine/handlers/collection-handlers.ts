import type { Collection } from '../../../shared/collection-dto';
import type { EditResult } from '../../../shared/dto';
import { toCollection, type CollectionRow } from '../repositories/collection-repo';
import { savedSearch } from '../collections/collection-scope';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { strip } from './engine-context';
import { writeTransaction } from '../db/write-transaction';

export function collectionHandlers(
  ctx: EngineContext,
): HandlerGroup<NamespaceMethods<'collections'>> {
  const { collections, collectionEdits, assets, bus } = ctx;

  /** A smart collection counts what its search finds now; a stored query gone bad finds none. */
  const count = (row: CollectionRow): number => {
    if (row.kind === 'manual') return collections.size(row.id);
    try {
      return assets.count({ filter: 'all', sort: 'name', search: savedSearch(row.query ?? '') });
    } catch {
      return 0;
    }
  };
  const describe = (id: number): Collection => {
    const row = collections.require(id);
    return toCollection(row, count(row));
  };
  const changed = (result: EditResult & { touched: number[] }): Promise<EditResult> => {
    if (result.changed > 0) bus.emit('collections.changed', {});
    return Promise.resolve(strip(ctx.edited(result, false)));
  };

  return {
    'collections.list': () =>
      Promise.resolve(collections.rows().map((row) => toCollection(row, count(row)))),

    'collections.save': ({ id, name, query }) => {
      // Refused with a caret under the mistake before anything is stored.
      if (query !== undefined) savedSearch(query);
      // The name check and the write in one write transaction (names are unique).
      const saved = writeTransaction(ctx.db, () => {
        if (id === undefined) return collections.create(name, query ?? null);
        collections.update(id, name, query);
        return id;
      });
      bus.emit('collections.changed', {});
      return Promise.resolve(describe(saved));
    },

    'collections.delete': ({ id }) => {
      const { removed } = collectionEdits.delete(id);
      if (removed) bus.emit('collections.changed', {});
      return Promise.resolve({ removed });
    },

    'collections.add': ({ id, assetIds, position }) =>
      changed(collectionEdits.add(id, assetIds, position)),
    'collections.remove': ({ id, assetIds }) => changed(collectionEdits.remove(id, assetIds)),
    'collections.move': ({ id, assetId, position }) =>
      changed(collectionEdits.move(id, assetId, position)),
  };
}
