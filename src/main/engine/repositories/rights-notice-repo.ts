// Licences that have ended or end within their own warning window, with where they are used
// (assets covered, live pack files), and the daily job's memory of the last run's state.
import type { RightsNotice } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { expiredSql, expiringSql, isExpired } from '../rights/licence-dates';
import { getSetting, setSetting } from './settings';

interface Row {
  id: number;
  name: string;
  licensor: string | null;
  ends_on: string;
  warn_days: number;
  assets: number;
  pack_files: number;
}

/** What the last daily run saw: licence ids per state. */
export interface NoticeState {
  expired: number[];
  expiring: number[];
  /** The day of the run ('YYYY-MM-DD'); absent in states saved before it was kept. */
  day?: string;
}

export const DAILY_STATE_KEY = 'rights.daily.last';

export class RightsNoticeRepo {
  constructor(private readonly db: Db) {}

  /** `today` is YYYY-MM-DD (licence dates are days); expired first, then by end date. */
  notices(today: string): RightsNotice[] {
    const params: unknown[] = [];
    const due = `(${expiredSql(today, params)} OR ${expiringSql(today, params)})`;
    return statements(this.db)
      .prepare<unknown[], Row>(
        `SELECT l.id, l.name, l.licensor, l.ends_on, l.warn_days,
                (SELECT count(*) FROM asset_licences al WHERE al.licence_id = l.id) AS assets,
                (SELECT count(*) FROM usages u
                   JOIN asset_licences al ON al.asset_id = u.asset_id
                  WHERE al.licence_id = l.id AND u.removed_at IS NULL) AS pack_files
           FROM licences l
          WHERE ${due}
          ORDER BY l.ends_on, l.id`,
      )
      .all(...params)
      .map((r) => ({
        licenceId: r.id,
        name: r.name,
        licensor: r.licensor,
        endsOn: r.ends_on,
        warnDays: r.warn_days,
        status: isExpired(r.ends_on, today) ? 'expired' : 'expiring',
        assets: r.assets,
        packFiles: r.pack_files,
      }));
  }

  lastState(): NoticeState | null {
    const value = getSetting(this.db, DAILY_STATE_KEY);
    if (!value) return null;
    try {
      const parsed = JSON.parse(value) as Partial<NoticeState>;
      return {
        expired: parsed.expired ?? [],
        expiring: parsed.expiring ?? [],
        ...(typeof parsed.day === 'string' ? { day: parsed.day } : {}),
      };
    } catch {
      return null; // a hand-edited value: treat as never run
    }
  }

  saveState(state: NoticeState): void {
    setSetting(this.db, DAILY_STATE_KEY, JSON.stringify(state));
  }
}
