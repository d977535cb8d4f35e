// One export run as the UI follows it: started here, moved on by 'exports.progress' events,
// cancellable, and ended with the engine's summary (exports.wait once the end event came).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExportProgress, ExportSummary, FailurePolicy } from '../../../shared/export-dto';
import type { Client } from '../client';
import { selectionArgs, type PackSelectionState } from './pack-selection-store';

export interface ExportOptions {
  out: string;
  failures: FailurePolicy;
  dryRun: boolean;
  /** Blank: the CSV names files by their path in the pack. */
  baseUrl: string;
}

export type ExportPhase = 'idle' | 'starting' | 'running' | 'cancelling' | 'ended';

export interface ExportJobState {
  phase: ExportPhase;
  jobId: string | null;
  progress: ExportProgress | null;
  summary: ExportSummary | null;
  error: string | null;
  /** What the last run was started with, for the next form to start from. */
  lastOptions: ExportOptions | null;
  start(
    selection: Pick<PackSelectionState, 'channels' | 'query'>,
    options: ExportOptions,
  ): Promise<void>;
  cancel(): Promise<void>;
  apply(progress: ExportProgress): void;
  /** Back to the form, once a run has ended (or failed to start). */
  reset(): void;
}

export type ExportJobStore = StoreApi<ExportJobState>;

export function createExportJobStore(client: Client): ExportJobStore {
  // A fast job can end before exports.start's answer arrives: keep the newest event of any
  // job so the one we start can pick it up.
  let lastSeen: ExportProgress | null = null;

  const store = createStore<ExportJobState>()((set, get) => ({
    phase: 'idle',
    jobId: null,
    progress: null,
    summary: null,
    error: null,
    lastOptions: null,
    async start(selection, options) {
      if (get().phase === 'starting' || get().phase === 'running') return;
      if (selection.channels.length === 0) {
        set({ error: 'Choose at least one channel to export.' });
        return;
      }
      if (options.out.trim() === '') {
        set({ error: 'Choose the folder to write the pack into.' });
        return;
      }
      set({
        phase: 'starting',
        error: null,
        progress: null,
        summary: null,
        jobId: null,
        lastOptions: options,
      });
      try {
        const baseUrl = options.baseUrl.trim();
        const job = await client.call('exports.start', {
          ...selectionArgs(selection),
          out: options.out.trim(),
          failures: options.failures,
          dryRun: options.dryRun,
          ...(baseUrl === '' ? {} : { baseUrl }),
        });
        set({ phase: 'running', jobId: job.jobId, progress: job.progress });
        if (job.summary !== null) finish(job.summary);
        else if (lastSeen?.jobId === job.jobId) get().apply(lastSeen);
        else if (job.progress.state !== 'running') void fetchSummary(job.jobId);
      } catch (cause) {
        set({ phase: 'idle', error: cause instanceof Error ? cause.message : String(cause) });
      }
    },
    async cancel() {
      const { jobId, phase } = get();
      if (jobId === null || phase !== 'running') return;
      set({ phase: 'cancelling' });
      try {
        await client.call('exports.cancel', { jobId });
      } catch (cause) {
        set({
          phase: 'running',
          error: `Could not cancel: ${cause instanceof Error ? cause.message : String(cause)}`,
        });
      }
    },
    apply(progress) {
      lastSeen = progress;
      const { jobId, summary } = get();
      if (progress.jobId !== jobId || summary !== null) return;
      set({ progress });
      if (progress.state !== 'running') void fetchSummary(progress.jobId);
    },
    reset() {
      const { phase } = get();
      if (phase === 'starting' || phase === 'running' || phase === 'cancelling') return;
      set({ phase: 'idle', jobId: null, progress: null, summary: null, error: null });
    },
  }));

  let fetching: string | null = null;
  async function fetchSummary(jobId: string): Promise<void> {
    if (fetching === jobId) return;
    fetching = jobId;
    try {
      const summary = await client.call('exports.wait', { jobId });
      if (store.getState().jobId === jobId) finish(summary);
    } catch (cause) {
      if (store.getState().jobId !== jobId) return;
      store.setState({
        phase: 'ended',
        error: `The export ended, but its summary could not be read: ${
          cause instanceof Error ? cause.message : String(cause)
        }`,
      });
    } finally {
      fetching = null;
    }
  }

  function finish(summary: ExportSummary): void {
    store.setState((s) => ({
      phase: 'ended',
      summary,
      progress: s.progress === null ? null : { ...s.progress, state: summary.state },
    }));
  }

  return store;
}
