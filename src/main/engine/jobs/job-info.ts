// A jobs row as the contract shows it (JobInfo).
import type { JobInfo } from '../../../shared/job-dto';
import type { JobRow } from '../repositories/job-repo';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function jobInfo(row: JobRow, label: string, myToken: string): JobInfo {
  const rate = row.state === 'running' ? row.rate : 0;
  const left = Math.max(0, row.total - row.done);
  return {
    id: row.id,
    name: row.name,
    label,
    state: row.state,
    progress: {
      done: row.done,
      total: row.total,
      rate: Math.round(rate * 10) / 10,
      etaSeconds: rate > 0 ? Math.ceil(left / rate) : null,
    },
    error: row.error,
    attempts: row.attempts,
    cancelRequested: row.cancel_requested !== 0,
    createdAt: iso(row.created_at) ?? '',
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    owner: row.owner_token === null ? null : row.owner_token === myToken ? 'this' : 'other',
    ownerPid: row.owner_pid,
  };
}
