// Licences that have ended or end within their own warning window, with where they are used
// (assets covered, live pack files), and the daily job's memory of the last run's state.
import type { RightsNotice } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

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
}

export const DAILY_STATE_KEY = 'rights.daily.last';

export class RightsNoticeRepo {
  constructor(private readonly db: Db) {}

  /** `today` is YYYY-MM-DD (licence dates are days); expired first, then by end date. */
  notices(today: string): RightsNotice[] {
    return statements(this.db)
      .prepare<[string], Row>(
        `SELECT l.id, l.name, l.licensor, l.ends_on, l.warn_days,
                (SELECT count(*) FROM asset_licences al WHERE al.licence_id = l.id) AS assets,
                (SELECT count(*) FROM usages u
                   JOIN asset_licences al ON al.asset_id = u.asset_id
                  WHERE al.licence_id = l.id AND u.removed_at IS NULL) AS pack_files
           FROM licences l
          WHERE l.ends_on IS NOT NULL
            AND l.ends_on <= date(?, '+' || l.warn_days || ' days')
          ORDER BY l.ends_on, l.id`,
      )
      .all(today)
      .map((r) => ({
        licenceId: r.id,
        name: r.name,
        licensor: r.licensor,
        endsOn: r.ends_on,
        warnDays: r.warn_days,
        status: r.ends_on < today ? 'expired' : 'expiring',
        assets: r.assets,
        packFiles: r.pack_files,
      }));
  }

  lastState(): NoticeState | null {
    const value = statements(this.db)
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(DAILY_STATE_KEY)?.value;
    if (!value) return null;
    try {
      const parsed = JSON.parse(value) as Partial<NoticeState>;
      return { expired: parsed.expired ?? [], expiring: parsed.expiring ?? [] };
    } catch {
      return null; // a hand-edited value: treat as never run
    }
  }

  saveState(state: NoticeState): void {
    statements(this.db)
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(DAILY_STATE_KEY, JSON.stringify(state));
  }
}
