// Channel packs: presets, overrides and focal points, pre-flight, export jobs.
import { availableParallelism } from 'node:os';
import { PackshotError } from '../../../shared/errors';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { ExportJobs } from '../export/export-jobs';
import { ExportRecords } from '../export/export-records';
import { OverridesRepo } from '../repositories/overrides-repo';
import { PackSource, type Selection } from '../export/pack-source';
import { planPack } from '../export/pack/plan-pack';
import { defaultChecks } from '../export/preflight/checks';
import { preflightReport } from '../export/preflight/run-preflight';
import { PresetRepo } from '../repositories/preset-repo';
import { resolvePresets } from '../export/resolve-presets';
import { attachRights } from '../export/pack-rights';
import { attachPublishedText } from '../export/headless/headless-text';
import { attachImageText } from '../export/pack-image-text';

type Names = NamespaceMethods<'exports' | 'presets' | 'renditions'>;

export interface ExportHandlerOptions {
  /** Sources rendered at once; sharp adds its own threads per image. */
  concurrency?: number;
}

export function exportHandlers(
  ctx: EngineContext,
  options: ExportHandlerOptions = {},
): HandlerGroup<Names> {
  const presets = new PresetRepo(ctx.db);
  const overrides = new OverridesRepo(ctx.db);
  const source = new PackSource(ctx.db);
  const checks = defaultChecks();
  const concurrency = options.concurrency ?? Math.max(2, availableParallelism());

  const plan = (args: { channels: string[] } & Selection) => {
    const chosen = resolvePresets(presets.list(), args.channels);
    const products = source.products(args);
    const assetIds = [...new Set(products.flatMap((p) => p.images.map((i) => i.assetId)))];
    const headless = chosen.some((p) => p.headless);
    if (headless) source.attachSpinFrames(products); // before rights: each frame is checked
    attachRights(ctx.db, products, args.approvedOnly ?? false, args.territory ?? null);
    attachImageText(ctx.db, products);
    if (headless) attachPublishedText(ctx.db, products);
    return planPack(chosen, products, source.overrides(assetIds), checks);
  };
  const jobs = new ExportJobs(ctx.jobs, ctx.bus, {
    plan,
    concurrency,
    records: new ExportRecords(ctx.db, ctx.audit),
  });
  const changed = <T>(value: T): T => {
    ctx.bus.emit('presets.changed', {});
    return value;
  };

  return {
    'presets.list': () => Promise.resolve(presets.list()),
    'presets.get': ({ id }) => Promise.resolve(presets.require(id)),
    'presets.save': ({ id, preset }) => Promise.resolve(changed(presets.save(id, preset))),
    'presets.copy': ({ id, newId, name }) =>
      Promise.resolve(changed(presets.copy(id, newId, name))),
    'presets.delete': ({ id }) => {
      const preset = presets.require(id);
      if (preset.builtIn && !preset.modified)
        throw new PackshotError('conflict', `'${id}' is built in; copy it to change it`);
      return Promise.resolve(changed({ removed: presets.delete(id) }));
    },

    'renditions.setFocus': ({ assetId, x, y }) =>
      Promise.resolve(overrides.setFocus(assetId, x === null || y === null ? null : { x, y })),
    'renditions.get': ({ assetId }) =>
      Promise.resolve({ focus: overrides.focus(assetId), overrides: overrides.list(assetId) }),
    'renditions.setOverride': (args) => Promise.resolve(overrides.set(args)),
    'renditions.clearOverride': ({ assetId, presetId }) =>
      Promise.resolve({ removed: overrides.clear(assetId, presetId) }),

    'exports.check': (args) => Promise.resolve(preflightReport(plan(args))),
    'exports.start': (args) =>
      Promise.resolve(
        jobs.start({
          channels: args.channels,
          ...(args.query === undefined ? {} : { query: args.query }),
          ...(args.productIds === undefined ? {} : { productIds: args.productIds }),
          out: args.out,
          failures: args.failures,
          dryRun: args.dryRun,
          baseUrl: args.baseUrl ?? '',
          ...(args.approvedOnly ? { approvedOnly: true } : {}),
          ...(args.territory === undefined ? {} : { territory: args.territory }),
        }),
      ),
    'exports.cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
    'exports.status': ({ jobId }) => Promise.resolve(jobs.status(jobId)),
    'exports.wait': ({ jobId }) => jobs.wait(jobId),
  };
}
