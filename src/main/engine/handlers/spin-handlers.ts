import type { EditResult } from '../../../shared/dto';
import type { SpinEditResult } from '../../../shared/spin-dto';
import { PackshotError } from '../../../shared/errors';
import { exportSpins } from '../export/spins/export-spins';
import type { SpinRepo } from '../repositories/spin-repo';
import type { SpinEdits, SpinStep } from '../spins/spin-edits';
import { createByRule, createFromAssets, createFromFolder } from '../spins/spin-sources';
import { spinDetail, spinList, toSpin } from '../spins/spin-views';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { strip } from './engine-context';

export interface SpinParts {
  repo: SpinRepo;
  edits: SpinEdits;
}

export function spinHandlers(
  ctx: EngineContext,
  { repo, edits }: SpinParts,
): HandlerGroup<NamespaceMethods<'spins'>> {
  const changed = (steps: readonly SpinStep[]): EditResult => {
    const last = steps[steps.length - 1];
    const total = steps.reduce((n, s) => n + s.changed, 0);
    if (total > 0) {
      ctx.bus.emit('spins.changed', {});
      // The grid's rows change: frames hide or show again.
      ctx.bus.emit('assets.changed', { catalogId: null });
    }
    if (last) return { ...strip(ctx.edited(last, false)), changed: total };
    const { canUndo, canRedo } = ctx.edits.state();
    return { changed: 0, step: null, canUndo, canRedo };
  };
  const result = (step: SpinStep): Promise<SpinEditResult> => {
    const row = step.spinId === null ? undefined : repo.get(step.spinId);
    return Promise.resolve({ ...changed([step]), spin: row ? toSpin(repo, row) : null });
  };

  return {
    'spins.list': () => Promise.resolve(spinList(repo)),
    'spins.get': ({ id }) => Promise.resolve(spinDetail(repo, id)),
    'spins.create': ({ assetIds, query, folder, name }) => {
      if (folder) return result(createFromFolder(repo, edits, folder.catalogId, folder.path, name));
      if (!name) throw new PackshotError('invalid_argument', 'A new spin needs a name');
      const ids = assetIds ?? ctx.idsFor(query ?? '');
      return result(createFromAssets(repo, edits, ids, name));
    },
    'spins.createByRule': ({ rule, query }) => {
      const candidates = query?.trim() ? ctx.idsFor(query) : undefined;
      const made = createByRule(repo, edits, rule, candidates);
      const spins = made.spinIds.flatMap((id) => {
        const row = repo.get(id);
        return row ? [toSpin(repo, row)] : [];
      });
      return Promise.resolve({ ...changed([{ ...made, spinId: null }]), spins });
    },
    'spins.rename': ({ id, name }) => result(edits.rename(id, name)),
    'spins.reorder': ({ id, assetIds }) => result(edits.reorder(id, assetIds)),
    'spins.removeFrames': ({ id, assetIds }) => result(edits.removeFrames(id, assetIds)),
    'spins.dissolve': ({ id }) => result(edits.dissolve(id)),
    'spins.export': (args) => exportSpins(ctx.db, repo, args),
  };
}
