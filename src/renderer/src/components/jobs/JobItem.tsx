// One job in the Jobs panel: what it is, how far (bar, rate, time left), why it failed,
// and the one action that fits its state (Cancel while live, Retry once it failed or
// was cancelled); the AI job can also be paused and resumed while live.
import type { JobInfo } from '../../../../shared/job-dto';
import { formatCount } from '../../format/count';
import { formatEta } from '../../format/duration';
import { AI_JOB } from '../../store/ai-store';
import { useJobList } from '../../store-hooks';
import { AiPauseButton } from '../ai/AiPauseButton';

export function JobItem({ job }: { job: JobInfo }) {
  const cancel = useJobList((s) => s.cancel);
  const retry = useJobList((s) => s.retry);
  const { done, total, rate, etaSeconds } = job.progress;
  const live = job.state === 'running' || job.state === 'queued';
  return (
    <li className="job-item" data-testid="job" data-state={job.state}>
      <div className="job-line">
        <span className="job-label">{job.label}</span>
        {live && job.name === AI_JOB && <AiPauseButton />}
        {live && (
          <button
            type="button"
            aria-label={`Cancel ${job.label}`}
            disabled={job.cancelRequested}
            onClick={() => void cancel(job.id)}
          >
            {job.cancelRequested ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {(job.state === 'failed' || job.state === 'cancelled') && (
          <button
            type="button"
            aria-label={`Retry ${job.label}`}
            onClick={() => void retry(job.id)}
          >
            Retry
          </button>
        )}
      </div>
      {job.state === 'running' && (
        <div className="job-progress">
          <progress
            aria-label={`${job.label}: progress`}
            max={Math.max(total, 1)}
            value={Math.min(done, Math.max(total, 1))}
          />
          <span>
            {formatCount(done)} / {formatCount(total)}
          </span>
          {rate > 0 && <span data-testid="job-rate">{rate.toFixed(1)}/s</span>}
          {etaSeconds !== null && <span data-testid="job-eta">{formatEta(etaSeconds)} left</span>}
        </div>
      )}
      {job.owner === 'other' && job.ownerPid !== null && (
        <span className="job-owner dim">in another Packshot process ({job.ownerPid})</span>
      )}
      {job.error !== null && (
        <p className="job-error" data-testid="job-error">
          {job.error}
        </p>
      )}
    </li>
  );
}
