// Export jobs: one pack at a time per folder, any number of folders; progress as events,
// cancellable, their summaries kept for the session.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { ExportJob, ExportProgress, ExportSummary } from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import type { EventBus } from '../events/event-bus';
import { runExport, type ExportRequest } from './pack/run-export';

interface Running {
  job: ExportJob;
  outDir: string;
  abort: AbortController;
  done: Promise<ExportSummary>;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Running>();

  constructor(private readonly bus: EventBus) {}

  start(request: Omit<ExportRequest, 'signal' | 'onProgress'>): ExportJob {
    const out = resolve(request.out);
    for (const r of this.jobs.values()) {
      if (r.job.summary === null && r.outDir === out)
        throw new PackshotError('conflict', `An export into ${out} is already running`);
    }
    const jobId = randomUUID();
    const abort = new AbortController();
    const progress: ExportProgress = {
      jobId,
      state: 'running',
      done: 0,
      total: request.plan.files.length,
      rendered: 0,
      unchanged: 0,
      failed: 0,
      rate: 0,
      etaSeconds: null,
      current: null,
    };
    const job: ExportJob = { jobId, progress, summary: null };
    const done = runExport({
      ...request,
      signal: abort.signal,
      onProgress: (p) => {
        job.progress = { ...p, jobId, state: 'running' };
        this.bus.emit('export.progress', job.progress);
      },
    }).then(
      ({ cancelled, ...outcome }) => {
        const state = cancelled ? 'cancelled' : 'done';
        return this.end(job, { ...outcome, jobId, state });
      },
      (error: unknown) => {
        return this.end(job, {
          ...emptySummary(jobId, out, request.dryRun),
          errors: [
            {
              sku: '',
              presetId: '',
              assetId: null,
              file: null,
              reason: error instanceof Error ? error.message : String(error),
            },
          ],
        });
      },
    );
    this.jobs.set(jobId, { job, abort, done, outDir: out });
    return job;
  }

  cancel(jobId: string): boolean {
    const r = this.jobs.get(jobId);
    if (!r || r.job.summary) return false;
    r.abort.abort();
    return true;
  }

  status(jobId?: string): ExportJob[] {
    if (jobId !== undefined) {
      const r = this.jobs.get(jobId);
      if (!r) throw new PackshotError('not_found', `No export job ${jobId}`);
      return [r.job];
    }
    return [...this.jobs.values()].map((r) => r.job).reverse();
  }

  wait(jobId: string): Promise<ExportSummary> {
    const r = this.jobs.get(jobId);
    if (!r) return Promise.reject(new PackshotError('not_found', `No export job ${jobId}`));
    return r.done;
  }

  /** Cancels every running job and waits for them (engine shutdown). */
  async close(): Promise<void> {
    for (const r of this.jobs.values()) r.abort.abort();
    await Promise.allSettled([...this.jobs.values()].map((r) => r.done));
  }

  private end(job: ExportJob, summary: ExportSummary): ExportSummary {
    job.summary = summary;
    job.progress = { ...job.progress, state: summary.state, current: null, etaSeconds: null };
    this.bus.emit('export.progress', job.progress);
    return summary;
  }
}

function emptySummary(jobId: string, out: string, dryRun: boolean): ExportSummary {
  return {
    jobId,
    out,
    dryRun,
    state: 'failed',
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
    errors: [],
    files: [],
  };
}
