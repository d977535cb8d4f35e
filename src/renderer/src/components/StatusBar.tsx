// Bottom line: indexing progress (done/total, rate, time left, errors) or idle.
import { formatCount, formatRate } from '../format/count';
import { formatEta } from '../format/duration';
import { useJobs } from '../store-hooks';
import { JobsToggle } from './jobs/JobsToggle';

export function StatusBar() {
  const progress = useJobs((s) => s.progress);
  const running = progress?.running === true;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const errors = progress?.errors ?? 0;

  return (
    <footer className="status-bar" data-testid="status-bar" data-running={running}>
      <span className="status-label" role="status">
        {running ? 'Indexing' : idleText(progress === null, done, total)}
      </span>
      <span className="status-progress" data-testid="status-progress">
        {running && <progress className="status-meter" max={Math.max(total, 1)} value={done} />}
        <span>
          {formatCount(done)} / {formatCount(total)}
        </span>
      </span>
      {running && (
        <>
          <span className="status-rate" data-testid="status-rate">
            {formatRate(progress.rate)}
          </span>
          <span className="status-eta" data-testid="status-eta">
            {formatEta(progress.etaSeconds)} left
          </span>
        </>
      )}
      {errors > 0 && (
        <span className="status-errors" data-testid="status-errors">
          {formatCount(errors)} {errors === 1 ? 'error' : 'errors'}
        </span>
      )}
      <JobsToggle />
    </footer>
  );
}

function idleText(unknown: boolean, done: number, total: number): string {
  if (unknown) return 'Connecting…';
  return total > 0 && done >= total ? 'Idle · all files indexed' : 'Idle';
}
