import type { ExportProgress } from '../../../../shared/export-dto';
import { noteAliases } from './rights-commands';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';
import { progressReporter } from '../progress-line';

export function channelsOf(ctx: CliContext, usage: string): string[] {
  const channels = (ctx.flags.channel ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (channels.length === 0) throw new UsageError(usage);
  return channels;
}

const USAGE =
  'usage: packshot export --channel ID[,ID] [--query Q] --out DIR [--dry-run] [--failures skip|warn] [--base-url URL] [--approved-only] [--territory XX] [--json]';

/** Writes (or with --dry-run, plans) a channel pack, with a progress line on stderr. */
export async function exportCommand(ctx: CliContext): Promise<void> {
  const channels = channelsOf(ctx, USAGE);
  const out = ctx.flags.out;
  if (!out) throw new UsageError(USAGE);
  const failures = ctx.flags.failures ?? 'skip';
  if (failures !== 'skip' && failures !== 'warn') throw new UsageError(USAGE);
  const progress = progressReporter(ctx.err);
  let jobId: string | null = null;
  const unsubscribe = ctx.engine.subscribe((name, payload) => {
    const p = payload as ExportProgress;
    if (name !== 'exports.progress' || p.jobId !== jobId) return;
    progress.update({
      running: p.state === 'running',
      done: p.done,
      total: p.total,
      errors: p.failed,
      rate: p.rate,
      etaSeconds: p.etaSeconds,
    });
  });
  // Ctrl-C cancels: what landed stays recorded, the next run goes on from there.
  const cancel = (): void => {
    if (jobId) void call(ctx.engine, 'exports.cancel', { jobId });
  };
  process.once('SIGINT', cancel);
  try {
    const job = await call(ctx.engine, 'exports.start', {
      channels,
      out,
      failures,
      dryRun: ctx.flags.dryRun,
      ...(ctx.flags.query === undefined ? {} : { query: ctx.flags.query }),
      ...(ctx.flags.baseUrl === undefined ? {} : { baseUrl: ctx.flags.baseUrl }),
      ...(ctx.flags.rights.approvedOnly ? { approvedOnly: true } : {}),
      ...territoryArg(ctx),
    });
    jobId = job.jobId;
    const summary = await call(ctx.engine, 'exports.wait', { jobId });
    progress.done();
    if (ctx.flags.json) writeJson(ctx.out, summary);
    else {
      const verb = summary.dryRun ? 'Would write' : 'Wrote';
      ctx.out.write(
        `${verb} ${summary.rendered} files (${summary.unchanged} unchanged, ${summary.skipped} skipped by pre-flight, ${summary.warned} with warnings, ${summary.failed} failed, ${summary.removed} ${summary.dryRun ? 'to remove' : 'removed'}) into ${summary.out} in ${summary.seconds.toFixed(1)} s\n`,
      );
      for (const f of summary.files) ctx.out.write(`  ${f}\n`);
      for (const e of summary.errors.slice(0, 50))
        ctx.err.write(`  ${e.sku} ${e.presetId} ${e.file ?? ''}: ${e.reason}\n`);
    }
    if (summary.state === 'failed')
      throw new Error(summary.errors[0]?.reason ?? 'the export failed');
  } finally {
    process.off('SIGINT', cancel);
    unsubscribe();
  }
}

/** `--territory XX`: the rights check is made for it instead of the presets' territories. */
export function territoryArg(ctx: CliContext): { territory?: string } {
  const t = ctx.flags.rights.territory;
  if (t === undefined) return {};
  noteAliases(ctx, [t]);
  return { territory: t };
}
