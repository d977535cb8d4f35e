import { PackshotError } from '../../../shared/errors';
import { buildFolderTree } from '../catalog/folder-tree';
import { describeEdit } from '../catalog/describe-culling';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { strip } from './engine-context';
import { ensurePreview } from '../media/ensure-preview';
import { whiteBackgroundPreview } from '../media/white-background-preview';
import { collectionScope } from '../collections/collection-scope';
import { assetSearch } from '../repositories/search-query';

export function assetHandlers(
  ctx: EngineContext,
): HandlerGroup<NamespaceMethods<'assets' | 'folders' | 'previews' | 'bursts'>> {
  const { assets, culling, similar } = ctx;
  return {
    /** Someone scrolls the grid: background jobs hold back (jobs/interactive-gate.ts). */
    'assets.browsing': () => {
      ctx.interactive.touch();
      return Promise.resolve({});
    },

    /** What is on screen goes first in the index queue. */
    'assets.prioritize': ({ ids }) => Promise.resolve({ moved: ctx.queue.prioritize(ids) }),

    'assets.list': (args) => {
      const { catalogId, offset, limit, sort, folder, formats, filter, query: text } = args;
      const scope = collectionScope(ctx.collections, args.collectionId, assetSearch(text));
      // A manual collection listed without a sort comes in its own order.
      const collectionOrder = scope.collectionId !== undefined && sort === undefined;
      const query = {
        catalogId,
        folder,
        formats,
        filter,
        sort: sort ?? 'name',
        ...scope,
        collectionOrder,
      };
      const page = assets.page(query, offset, limit, args.keywords);
      const items = args.facts ? assets.withFacts(page) : page;
      // A page that ends short holds the last match: the count is known without a scan.
      const last = items.length > 0 && items.length < limit;
      return Promise.resolve({
        total: last ? offset + items.length : assets.count(query),
        offset,
        items,
      });
    },

    'assets.get': ({ id }) => {
      const asset = assets.detail(id);
      if (!asset) throw new PackshotError('not_found', `No asset with id ${id}`);
      return Promise.resolve(asset);
    },

    'folders.list': ({ catalogId }) =>
      Promise.resolve(buildFolderTree(assets.folderCounts(catalogId))),

    'previews.ensure': async ({ id }) => {
      const file = ctx.files.locate(id);
      if (!file) throw new PackshotError('not_found', `No asset with id ${id}`);
      return ensurePreview(
        { cache: ctx.cache, previews: ctx.previews, prune: ctx.prunePreviews },
        file,
      );
    },

    'previews.whiteBackground': async ({ id, keepShadow }) => {
      const file = ctx.files.locate(id);
      if (!file) throw new PackshotError('not_found', `No asset with id ${id}`);
      return whiteBackgroundPreview(
        { cache: ctx.cache, previews: ctx.previews, prune: ctx.prunePreviews },
        file,
        keepShadow,
      );
    },

    'assets.edit': ({ ids, ...change }) =>
      Promise.resolve(
        strip(ctx.edited(culling.setFields(describeEdit(change, ids.length), ids, change), false)),
      ),

    'assets.editQuery': ({ query: text, ...change }) => {
      const ids = ctx.idsFor(text);
      return Promise.resolve(
        strip(ctx.edited(culling.setFields(describeEdit(change, ids.length), ids, change), false)),
      );
    },

    'bursts.list': () => Promise.resolve(similar.groups()),
    'bursts.keepBest': ({ group }) => {
      const found = similar.groups().find((g) => g.group === group);
      if (!found) throw new PackshotError('not_found', `No group of near-duplicates ${group}`);
      const rest = found.ids.filter((id) => id !== found.best);
      const label = `Keep the best of ${found.ids.length} similar frames`;
      return Promise.resolve(strip(ctx.edited(culling.keepBest(label, found.best, rest), false)));
    },
  };
}
