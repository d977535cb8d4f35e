import type { RightsFlag } from '../../../shared/dto';
import type { ApprovalState } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { APPROVAL_STATE_SQL } from './approval-repo';

/**
 * The grid's rights badge, channel-agnostic, for today (UTC, as the rights check's default):
 * the worst of the asset's licences — ended or not started yet ('block'), ending within its
 * warning window ('warn'), else 'ok' — or null when it holds none. Channel, medium and
 * territory rules need a use, so only pre-flight and rights.check answer those.
 */
const FLAG_SQL = `(SELECT CASE
    WHEN max(l.ends_on < date('now') OR l.starts_on > date('now')) THEN 'block'
    WHEN max(l.ends_on <= date('now', '+' || l.warn_days || ' days')) THEN 'warn'
    WHEN count(*) > 0 THEN 'ok' END
  FROM asset_licences al JOIN licences l ON l.id = al.licence_id WHERE al.asset_id = a.id)`;

export interface RightsBadge {
  rightsFlag: RightsFlag | null;
  approval: ApprovalState;
}

/**
 * Read for the rows a page returns, as keywords are: a column of the page query would be
 * computed for every match before the sort. Each row is two indexed lookups
 * (asset_licences' key, approvals_by_asset).
 */
export function rightsBadges(db: Db, ids: readonly number[]): Map<number, RightsBadge> {
  const out = new Map<number, RightsBadge>();
  if (ids.length === 0) return out;
  const rows = statements(db)
    .prepare<[string], { id: number; flag: RightsFlag | null; approval: ApprovalState }>(
      `SELECT a.id, ${FLAG_SQL} AS flag, ${APPROVAL_STATE_SQL} AS approval
       FROM json_each(?) j JOIN assets a ON a.id = j.value`,
    )
    .all(JSON.stringify(ids));
  for (const r of rows) out.set(r.id, { rightsFlag: r.flag, approval: r.approval });
  return out;
}
