// PLACEHOLDER until the products engine lands (issue 5): every method says so.
import { PackshotError } from '../../../shared/errors';
import type { productMethods } from '../../../shared/methods/product-methods';
import type { EngineContext, HandlerGroup } from '../engine-context';

type Names = keyof typeof productMethods;

export function productHandlers(_ctx: EngineContext): HandlerGroup<Names> {
  const notYet = (): Promise<never> =>
    Promise.reject(new PackshotError('internal', 'Products are not built yet'));
  const names = [
    'products.list',
    'products.get',
    'products.create',
    'products.update',
    'products.delete',
    'products.importPreview',
    'products.import',
    'links.add',
    'links.remove',
    'links.move',
    'links.setMain',
    'links.dropFiles',
    'rules.list',
    'rules.save',
    'rules.delete',
    'rules.dryRun',
    'rules.apply',
    'readiness.get',
    'readiness.notReady',
  ] as const satisfies readonly Names[];
  return Object.fromEntries(names.map((n) => [n, notYet])) as unknown as HandlerGroup<Names>;
}
