// Durable jobs as the UI and the command line see them (jobs.list, jobs.changed).

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobInfo {
  id: number;
  /** The handler's name, e.g. 'export', 'xmp.write', 'index'. */
  name: string;
  /** For humans: "Export to /packs/shop (shopify, ebay)". */
  label: string;
  state: JobState;
  progress: {
    done: number;
    total: number;
    /** Units per second over the current run; 0 when unknown. */
    rate: number;
    /** Seconds left at that rate; null when unknown. */
    etaSeconds: number | null;
  };
  /** Why it failed (or was cancelled, when there is a reason). */
  error: string | null;
  /** Runs started: above 1 when it was resumed or retried. */
  attempts: number;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Which process holds the row: this one, another (the app, the CLI), or none. */
  owner: 'this' | 'other' | null;
  /** The owning process id, when one holds it. */
  ownerPid: number | null;
}
