// Export jobs on the job registry: the arguments of exports.start are the row's arguments,
// the summary its result. A run is resumable: what landed is in the pack's journal, so a
// row taken over after a crash plans again and renders only what is missing. The row's
// lease is the lock of the output folder: one live export per folder, across processes.
import { resolve } from 'node:path';
import type {
  ExportJob,
  ExportProgress,
  ExportState,
  ExportSummary,
  FailurePolicy,
} from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import type { EventBus } from '../events/event-bus';
import type { JobRegistry } from '../jobs/job-registry';
import type { JobType } from '../jobs/job-types';
import type { JobRow } from '../repositories/job-repo';
import type { Selection } from './pack-source';
import type { PackPlan } from './pack/plan-pack';
import type { ExportRecords } from './export-records';
import { runExport } from './pack/run-export';

export const EXPORT_JOB = 'export';

export interface ExportArgs extends Selection {
  channels: string[];
  /** Absolute. */
  out: string;
  failures: FailurePolicy;
  dryRun: boolean;
  baseUrl: string;
}

export interface ExportJobsDeps {
  plan(args: ExportArgs): PackPlan;
  concurrency: number;
  /** Where used and the audit log (absent in tests of the pack alone). */
  records?: ExportRecords;
}

const STATE_OF: Record<JobRow['state'], ExportState> = {
  queued: 'running',
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

export class ExportJobs {
  private readonly type: JobType<ExportArgs>;
  /** Plans made by exports.start, handed to the run they were made for (not to a resume). */
  private readonly planned = new Map<number, PackPlan>();

  constructor(
    private readonly registry: JobRegistry,
    private readonly bus: EventBus,
    private readonly deps: ExportJobsDeps,
  ) {
    this.type = registry.define<ExportArgs, ExportSummary>({
      name: EXPORT_JOB,
      concurrency: 4,
      label: (a) =>
        `${a.dryRun ? 'Dry run of an export' : 'Export'} to ${a.out} (${a.channels.join(', ')})`,
      lockKey: (a) => (a.dryRun ? null : `export:${a.out}`),
      run: (ctx) => this.run(ctx.id, ctx.args, ctx.signal, ctx.progress),
    });
  }

  start(args: Omit<ExportArgs, 'out'> & { out: string }): ExportJob {
    const full: ExportArgs = { ...args, out: resolve(args.out) };
    const plan = this.deps.plan(full); // a bad channel or query is refused here, not in the job
    const id = this.type.enqueue(full);
    // Handlers start on a later tick: the plan is there before the run looks for it.
    this.planned.set(id, plan);
    this.deps.records?.started(id, full);
    return this.job(id);
  }

  cancel(jobId: string): boolean {
    const id = idOf(jobId);
    if (id === null || this.registry.row(id)?.name !== EXPORT_JOB) return false;
    this.planned.delete(id);
    return this.registry.cancel(id);
  }

  /** One job, or the newest exports (any process, any session) first. */
  status(jobId?: string): ExportJob[] {
    if (jobId !== undefined) return [this.job(this.require(jobId).id)];
    return this.registry
      .list(null, 500)
      .filter((j) => j.name === EXPORT_JOB)
      .slice(0, 50)
      .map((j) => this.job(j.id));
  }

  async wait(jobId: string): Promise<ExportSummary> {
    const row = await this.registry.wait(this.require(jobId).id);
    return summaryOf(row);
  }

  private async run(
    id: number,
    args: ExportArgs,
    signal: AbortSignal,
    progress: (done: number, total: number, u: { rate: number; detail: unknown }) => void,
  ): Promise<ExportSummary> {
    const plan = this.planned.get(id) ?? this.deps.plan(args);
    this.planned.delete(id);
    const jobId = String(id);
    const scoped = args.query !== undefined || args.productIds !== undefined;
    try {
      const { cancelled, ...outcome } = await runExport({
        plan,
        out: args.out,
        failures: args.failures,
        dryRun: args.dryRun,
        baseUrl: args.baseUrl,
        productScope: scoped ? new Set(plan.products.map((p) => p.id)) : null,
        concurrency: this.deps.concurrency,
        signal,
        onCommitted: (files) => this.deps.records?.packed(args.out, files),
        onProgress: (p) => {
          const event: ExportProgress = { ...p, jobId, state: 'running' };
          progress(p.done, p.total, { rate: p.rate, detail: event });
          this.bus.emit('exports.progress', event);
        },
      });
      const summary: ExportSummary = { ...outcome, jobId, state: cancelled ? 'cancelled' : 'done' };
      this.deps.records?.finished(summary);
      this.ended(jobId, summary.state);
      return summary;
    } catch (error) {
      this.deps.records?.failed(jobId, args, error);
      this.ended(jobId, 'failed');
      throw error;
    }
  }

  private ended(jobId: string, state: ExportState): void {
    const row = this.registry.row(Number(jobId));
    const last = row ? progressOf(row) : null;
    if (last)
      this.bus.emit('exports.progress', { ...last, state, current: null, etaSeconds: null });
  }

  private job(id: number): ExportJob {
    const row = this.registry.row(id);
    if (!row) throw new PackshotError('not_found', `No export job ${id}`);
    const finished = row.state !== 'queued' && row.state !== 'running';
    return {
      jobId: String(id),
      progress: progressOf(row),
      summary: finished ? summaryOf(row) : null,
    };
  }

  private require(jobId: string): JobRow {
    const id = idOf(jobId);
    const row = id === null ? null : this.registry.row(id);
    if (!row || row.name !== EXPORT_JOB)
      throw new PackshotError('not_found', `No export job ${jobId}`);
    return row;
  }
}

function idOf(jobId: string): number | null {
  return /^\d{1,15}$/.test(jobId) ? Number(jobId) : null;
}

function progressOf(row: JobRow): ExportProgress {
  const last = row.detail === null ? null : (JSON.parse(row.detail) as ExportProgress);
  return {
    rendered: 0,
    unchanged: 0,
    failed: 0,
    current: null,
    ...last,
    jobId: String(row.id),
    state: STATE_OF[row.state],
    done: row.done,
    total: row.total,
    rate: row.state === 'running' ? (last?.rate ?? 0) : 0,
    etaSeconds: row.state === 'running' ? (last?.etaSeconds ?? null) : null,
  };
}

/** The run's own summary, or for a run that threw (or a row cut short) one that says why. */
function summaryOf(row: JobRow): ExportSummary {
  const jobId = String(row.id);
  const state = STATE_OF[row.state];
  // A failed row's result is stored as JSON null: then the summary is built from its error.
  const result = row.result === null ? null : (JSON.parse(row.result) as ExportSummary | null);
  if (result !== null) return { ...result, jobId, state };
  const args = JSON.parse(row.args) as ExportArgs;
  return {
    jobId,
    out: args.out,
    dryRun: args.dryRun,
    state,
    presets: [],
    products: 0,
    planned: 0,
    rendered: 0,
    unchanged: 0,
    skipped: 0,
    warned: 0,
    failed: 0,
    removed: 0,
    bytesWritten: 0,
    seconds: 0,
    manifest: '',
    csv: [],
    errors: row.error
      ? [{ sku: '', presetId: '', assetId: null, file: null, reason: row.error }]
      : [],
    files: [],
  };
}
