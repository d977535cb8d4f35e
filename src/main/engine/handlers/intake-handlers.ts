import { PackshotError } from '../../../shared/errors';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { reapplyIntake } from '../intake/apply-intake';
import { compileIntake } from '../intake/evaluate-intake';

export function intakeHandlers(ctx: EngineContext): HandlerGroup<NamespaceMethods<'intakeRules'>> {
  const { catalogs, intake } = ctx;
  const requireCatalog = (id: number) => {
    const catalog = catalogs.get(id);
    if (!catalog) throw new PackshotError('not_found', `No catalog with id ${id}`);
    return catalog;
  };
  return {
    'intakeRules.get': ({ catalogId }) => {
      requireCatalog(catalogId);
      return Promise.resolve(intake.rules(catalogId));
    },

    'intakeRules.set': ({ catalogId, rules }) => {
      requireCatalog(catalogId);
      return Promise.resolve(intake.set(catalogId, rules));
    },

    'intakeRules.preview': ({ catalogId, rules, relPath, camera, lens }) => {
      requireCatalog(catalogId);
      const run = rules ? compileIntake(rules) : intake.evaluator(catalogId);
      return Promise.resolve(run({ relPath: relPath.replace(/\\/g, '/'), camera, lens }));
    },

    'intakeRules.apply': ({ catalogId }) => {
      const catalog = requireCatalog(catalogId);
      const result = reapplyIntake(ctx, catalogId, `Apply intake rules to ${catalog.name}`);
      // Violations may have changed even when no tag did: lists refetch either way.
      ctx.bus.emit('assets.changed', { catalogId });
      ctx.edited(result, result.changed > 0);
      return Promise.resolve({
        assets: result.assets,
        violations: result.violations,
        changed: result.changed,
        step: result.step,
        canUndo: result.canUndo,
        canRedo: result.canRedo,
      });
    },
  };
}
