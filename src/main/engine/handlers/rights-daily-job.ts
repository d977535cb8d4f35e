// The daily rights job: recomputes which licences have ended or entered their warning
// window and emits `rights.changed` when one did since the last run (the last run's state
// is kept in settings, so the comparison holds across restarts and processes). One live row
// across processes (a lock key); long-lived engines queue it when due: the last run (any
// process's) was on another day than today, checked at start and every hour.
import { PackshotError } from '../../../shared/errors';
import { writeTransaction } from '../db/write-transaction';
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';
import type { JobRegistry } from '../jobs/job-registry';
import { RightsNoticeRepo } from '../repositories/rights-notice-repo';

export const RIGHTS_DAILY_JOB = 'rights.daily';
const CHECK_MS = 60 * 60_000;

export interface RightsDailyResult {
  expired: number;
  expiring: number;
  newlyExpired: number;
  newlyExpiring: number;
}

/** Defines the job; the returned function queues it (null when one is already live). */
export function defineRightsDailyJob(
  jobs: JobRegistry,
  db: Db,
  bus: EventBus,
  today: () => string,
): () => number | null {
  const repo = new RightsNoticeRepo(db);
  const type = jobs.define<Record<string, never>, RightsDailyResult>({
    name: RIGHTS_DAILY_JOB,
    concurrency: 1,
    label: () => 'Update licence notices',
    lockKey: () => RIGHTS_DAILY_JOB,
    run: () => {
      // Read and write the state in one step: two engines never both report the same change.
      const { newly, ...result } = writeTransaction(db, () => {
        const notices = repo.notices(today());
        const ids = (s: string) => notices.filter((n) => n.status === s).map((n) => n.licenceId);
        const now = { expired: ids('expired'), expiring: ids('expiring') };
        const last = repo.lastState() ?? { expired: [], expiring: [] };
        const seen = new Set([...last.expired, ...last.expiring]);
        const wasExpired = new Set(last.expired);
        repo.saveState({ ...now, day: today() });
        const newly = {
          expired: now.expired.filter((id) => !wasExpired.has(id)),
          expiring: now.expiring.filter((id) => !seen.has(id)),
        };
        return {
          expired: now.expired.length,
          expiring: now.expiring.length,
          newlyExpired: newly.expired.length,
          newlyExpiring: newly.expiring.length,
          newly,
        };
      });
      if (result.newlyExpired + result.newlyExpiring > 0)
        bus.emit('rights.changed', { ...result, newly });
      return Promise.resolve(result);
    },
  });
  return () => {
    try {
      return type.enqueue({});
    } catch (e) {
      if (e instanceof PackshotError && e.code === 'conflict') return null;
      throw e;
    }
  };
}

/** Due when no run is recorded for today (a restart the same day queues nothing). */
export function dailyDue(db: Db, today: () => string): () => boolean {
  const repo = new RightsNoticeRepo(db);
  return () => repo.lastState()?.day !== today();
}

/** Queues the job when due, now and at every hourly check; returns the stop for engine close. */
export function scheduleRightsDaily(enqueue: () => number | null, due: () => boolean): () => void {
  const safe = () => {
    try {
      if (due()) enqueue();
    } catch {
      // closing, or a busy library: the next tick (or the next engine) queues it
    }
  };
  safe();
  const timer = setInterval(safe, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
