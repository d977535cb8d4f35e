// The status bar's way into the Jobs panel: how many jobs are live, and whether one failed.
import { useJobList } from '../../store-hooks';
import { JOBS_PANEL_ID } from './JobsPanel';

export function JobsToggle() {
  const open = useJobList((s) => s.open);
  const toggle = useJobList((s) => s.toggle);
  const live = useJobList(
    (s) => s.jobs.filter((j) => j.state === 'running' || j.state === 'queued').length,
  );
  const failed = useJobList((s) => s.jobs.some((j) => j.state === 'failed'));
  return (
    <button
      type="button"
      className="status-jobs"
      aria-expanded={open}
      aria-controls={JOBS_PANEL_ID}
      data-failed={failed}
      onClick={toggle}
    >
      {live > 0 ? `Jobs (${live})` : 'Jobs'}
      {failed && <span className="status-jobs-failed"> · failed</span>}
    </button>
  );
}
