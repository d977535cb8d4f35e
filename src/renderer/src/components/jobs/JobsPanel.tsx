// The Jobs panel, opened from the status bar: what runs, what waits, what failed and why,
// and the last few that ended.
import type { JobInfo, JobState } from '../../../../shared/job-dto';
import { useJobList } from '../../store-hooks';
import { JobItem } from './JobItem';

const RECENT = 10;

const GROUPS: { title: string; states: readonly JobState[]; limit?: number }[] = [
  { title: 'Running', states: ['running'] },
  { title: 'Waiting', states: ['queued'] },
  { title: 'Failed', states: ['failed'] },
  { title: 'Recent', states: ['done', 'cancelled'], limit: RECENT },
];

export const JOBS_PANEL_ID = 'jobs-panel';

export function JobsPanel() {
  const open = useJobList((s) => s.open);
  const jobs = useJobList((s) => s.jobs);
  const toggle = useJobList((s) => s.toggle);
  if (!open) return null;
  return (
    <section id={JOBS_PANEL_ID} className="jobs-panel" aria-label="Jobs">
      <header className="jobs-header">
        <h2>Jobs</h2>
        <button type="button" aria-label="Close jobs" onClick={toggle}>
          ×
        </button>
      </header>
      {jobs.length === 0 && <p className="dim">No jobs yet.</p>}
      {GROUPS.map(({ title, states, limit }) => {
        const shown = pick(jobs, states, limit);
        if (shown.length === 0) return null;
        return (
          <section key={title} aria-label={title} className="jobs-group">
            <h3>{title}</h3>
            <ul>
              {shown.map((job) => (
                <JobItem key={job.id} job={job} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function pick(jobs: readonly JobInfo[], states: readonly JobState[], limit?: number): JobInfo[] {
  const found = jobs.filter((j) => states.includes(j.state));
  return limit === undefined ? found : found.slice(0, limit);
}
