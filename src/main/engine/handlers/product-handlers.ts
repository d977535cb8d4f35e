import type { EditResult } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { Product, ProductDetail } from '../../../shared/product-dto';
import { productSearch } from '../repositories/search-query';
import {
  strip,
  type EngineContext,
  type HandlerGroup,
  type NamespaceMethods,
} from './engine-context';
import { importProducts, previewCsv } from '../products/csv/import-products';
import { copyInto, dropFolder, type Copied } from '../products/drop-files';
import { insertAt } from '../products/link-edits';
import { ProductParts } from '../products/product-parts';
import { csvBytes } from '../products/csv/csv-source';
import { fieldsOf, type ProductFields } from '../repositories/product-repo';
import { PresetRepo } from '../repositories/preset-repo';
import { computeReadiness, notReady } from '../products/readiness/compute-readiness';
import type { PresetLookup } from '../products/readiness/channel-requirements';
import { rightsBlocks } from '../products/readiness/rights-readiness';
import { loadRightsFacts } from '../repositories/rights-facts';
import { today } from '../rights/licence-dates';
import { writeTransaction } from '../db/write-transaction';
import { suggestForNewProducts, suggestForSkus } from '../ai/link-suggestions';

type Names = NamespaceMethods<'products' | 'links' | 'rules'>;

/** `parts` is the engine's one instance: auto rules on arriving files use it too. */
export function productHandlers(ctx: EngineContext, parts: ProductParts): HandlerGroup<Names> {
  const { products, linkEdits } = parts;
  const presets = new PresetRepo(ctx.db);
  /** Readiness checks the presets as export will: with the user's edits. */
  const presetOf: PresetLookup = (id) => presets.get(id);
  const rightsOf = (files: readonly { assetId: number }[]) =>
    rightsBlocks(
      loadRightsFacts(ctx.db, [...new Set(files.map((f) => f.assetId))]),
      presetOf,
      today(),
    );

  /** Product views refetch; asset lists too when links (badges, the unlinked filter) changed. */
  const changed = (assetsToo: boolean): void => {
    ctx.bus.emit('products.changed', {});
    if (assetsToo) ctx.bus.emit('assets.changed', { catalogId: null });
  };
  const linkEdit = (result: EditResult): EditResult => {
    if (result.changed > 0) changed(true);
    return strip(result);
  };
  const parentId = (sku: string | null | undefined, fallback: number | null): number | null => {
    if (sku === undefined) return fallback;
    if (sku === null) return null;
    const parent = products.bySku(sku);
    if (!parent) throw new PackshotError('not_found', `No product with SKU ${sku}`);
    return parent.id;
  };
  const detail = (id: number): ProductDetail => ({
    ...products.require(id),
    variants: products.variants(id),
    links: linkEdits.links.details([id]),
  });

  return {
    'products.list': ({ query, channel, offset, limit }) =>
      Promise.resolve({ offset, ...products.page(productSearch(query), offset, limit, channel) }),
    'products.get': ({ id, sku }) => Promise.resolve(detail(id ?? products.requireSku(sku ?? ''))),
    'products.create': (args) => {
      // The parent's lookup and the insert in one write (another process may change either).
      // Images whose text the AI read before the product existed may show its SKU.
      const id = writeTransaction(ctx.db, () => {
        const id = products.create({
          sku: args.sku,
          name: args.name,
          parentId: parentId(args.parentSku, null),
          attributes: args.attributes ?? {},
          channels: args.channels ?? [],
          productType: args.productType ?? null,
        });
        suggestForSkus(ctx.db, [args.sku]);
        return id;
      });
      changed(false);
      return Promise.resolve(products.require(id));
    },
    'products.update': (args) => {
      // Read and written in one write transaction: a field another process changed
      // meanwhile is not put back to what this one read.
      const { current, next, updated } = writeTransaction(ctx.db, () => {
        const current = fieldsOf(products.require(args.id));
        const next: ProductFields = {
          sku: args.sku ?? current.sku,
          name: args.name ?? current.name,
          parentId: parentId(args.parentSku, current.parentId),
          attributes: args.attributes ?? current.attributes,
          channels: args.channels ?? current.channels,
          productType: args.productType === undefined ? current.productType : args.productType,
        };
        const updated = products.update(args.id, next);
        if (updated && next.sku !== current.sku) suggestForSkus(ctx.db, [next.sku]);
        return { current, next, updated };
      });
      // A SKU change renames what search terms (sku:…) find: asset lists refetch too.
      if (updated) changed(next.sku !== current.sku);
      return Promise.resolve(products.require(args.id));
    },
    'products.delete': ({ id }) => {
      const { removed } = parts.delete(id);
      if (removed) changed(true);
      return Promise.resolve({ removed });
    },

    'products.importPreview': async (source) => previewCsv(await csvBytes(source, parts.uploads)),
    'products.import': async ({ map, ...source }) => {
      const bytes = await csvBytes(source, parts.uploads);
      const since = Date.now();
      const report = importProducts(ctx.db, products, bytes, map);
      if (report.created > 0) suggestForNewProducts(ctx.db, since);
      if (report.created + report.updated > 0) changed(true);
      return report;
    },

    'links.add': ({ productId, assetIds, role, position }) => {
      products.require(productId);
      return Promise.resolve(linkEdit(linkEdits.add(productId, assetIds, role, position)));
    },
    'links.remove': ({ productId, assetIds }) => {
      products.require(productId);
      return Promise.resolve(linkEdit(linkEdits.remove(productId, assetIds)));
    },
    'links.move': ({ productId, assetId, role, position }) => {
      products.require(productId);
      return Promise.resolve(linkEdit(linkEdits.move(productId, assetId, role, position)));
    },
    'links.setMain': ({ productId, assetId }) => {
      products.require(productId);
      return Promise.resolve(linkEdit(linkEdits.setMain(productId, assetId)));
    },
    'links.dropFiles': async ({ productId, catalogId, folder, paths, role }) => {
      products.require(productId);
      const catalog = ctx.catalogs.get(catalogId);
      if (!catalog) throw new PackshotError('not_found', `No catalog with id ${catalogId}`);
      const target = await dropFolder(catalog.path, folder);
      const copied: Copied[] = [];
      const errors: { path: string; reason: string }[] = [];
      for (const path of paths) {
        try {
          copied.push(await copyInto(path, target.dir, target.rel));
        } catch (error) {
          errors.push({ path, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      if (copied.length === 0) return { ...noEdit(ctx), copied: 0, errors };
      // The scan lists the copies (ids are stable from then on, moves included).
      await ctx.scan(catalogId);
      const ids = ctx.files
        .atPaths(
          catalogId,
          copied.map((c) => c.relPath),
        )
        .map((a) => a.id);
      const label = `Drop ${ids.length} file${ids.length === 1 ? '' : 's'} on a product`;
      const result =
        role === 'main'
          ? linkEdits.add(productId, ids, 'main')
          : linkEdits.step(label, [[productId, (board) => insertAt(board, role, ids)]]);
      return { ...linkEdit(result), copied: copied.length, errors };
    },

    'rules.list': () => Promise.resolve(parts.rules()),
    'rules.save': ({ id, name, pattern, auto }) => {
      const rule = parts.saveRule({ id, name, pattern, auto });
      changed(false);
      return Promise.resolve(rule);
    },
    'rules.delete': ({ id }) => {
      const removed = parts.deleteRule(id);
      if (removed) changed(false);
      return Promise.resolve({ removed });
    },
    'rules.dryRun': ({ pattern }) => Promise.resolve(parts.plan(pattern)),
    'rules.apply': ({ pattern }) => {
      const plan = parts.plan(pattern);
      const n = plan.links.length;
      const result = parts.applyPlan(plan, `Link ${n} file${n === 1 ? '' : 's'} by name`);
      return Promise.resolve({ ...plan, ...linkEdit(result) });
    },

    'products.readiness': ({ id }) => {
      const product = products.require(id);
      const family = [
        product,
        ...(product.parentId === null ? [] : [products.require(product.parentId)]),
      ];
      const files = linkEdits.links.readinessFiles(family.map((p) => p.id));
      return Promise.resolve(
        computeReadiness(family, files, undefined, presetOf, rightsOf(files)).filter(
          (r) => r.productId === id,
        ),
      );
    },
    'products.notReady': ({ channel }) => {
      const all: Product[] = products.all();
      const files = linkEdits.links.readinessFiles();
      return Promise.resolve(
        notReady(computeReadiness(all, files, channel, presetOf, rightsOf(files))),
      );
    },
  };
}

/** Nothing was linked: no step, with the undo state as it is. */
function noEdit(ctx: EngineContext): EditResult {
  const { canUndo, canRedo } = ctx.edits.state();
  return { changed: 0, step: null, canUndo, canRedo };
}
