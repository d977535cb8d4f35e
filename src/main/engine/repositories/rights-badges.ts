import type { RightsFlag } from '../../../shared/dto';
import type { ApprovalState } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { expiredSql, expiringSql, today } from '../rights/licence-dates';
import { APPROVAL_STATE_SQL } from './approval-repo';

/**
 * The grid's rights badge, channel-agnostic, for today (the user's day, as the rights check's
 * default; the dates' one definition in rights/licence-dates): the worst of the asset's
 * licences — ended or not started yet ('block'), ending within its warning window ('warn'),
 * else 'ok' — or null when it holds none. Channel, medium and territory rules need a use, so
 * only pre-flight and rights.check answer those.
 */
function flagSql(day: string, params: unknown[]): string {
  const expired = expiredSql(day, params);
  params.push(day);
  const notStarted = '(l.starts_on IS NOT NULL AND l.starts_on > ?)';
  const expiring = expiringSql(day, params);
  return `(SELECT CASE
    WHEN max(${expired} OR ${notStarted}) THEN 'block'
    WHEN max(${expiring}) THEN 'warn'
    WHEN count(*) > 0 THEN 'ok' END
  FROM asset_licences al JOIN licences l ON l.id = al.licence_id WHERE al.asset_id = a.id)`;
}

export interface RightsBadge {
  rightsFlag: RightsFlag | null;
  approval: ApprovalState;
}

/** What an asset holding no licence and no live decision shows (frozen: shared by them). */
const NONE: Readonly<RightsBadge> = Object.freeze({ rightsFlag: null, approval: 'draft' });

/**
 * Read for the rows a page returns, as keywords are: a column of the page query would be
 * computed for every match before the sort. First which of the ids hold a licence or a live
 * decision (two probes of small indexes each, and none at all when neither table has a row):
 * the rest show NONE without the badge query, which read each asset's row too (~1.3 ms a
 * page of 500 holding none).
 */
export function rightsBadges(db: Db, ids: readonly number[]): Map<number, Readonly<RightsBadge>> {
  const out = new Map<number, Readonly<RightsBadge>>();
  if (ids.length === 0) return out;
  const held = holders(db, ids);
  if (held.length > 0) {
    const params: unknown[] = [];
    const flag = flagSql(today(), params);
    const rows = statements(db)
      .prepare<unknown[], { id: number; flag: RightsFlag | null; approval: ApprovalState }>(
        `SELECT a.id, ${flag} AS flag, ${APPROVAL_STATE_SQL} AS approval
         FROM json_each(?) j JOIN assets a ON a.id = j.value`,
      )
      .all(...params, JSON.stringify(held));
    for (const r of rows) out.set(r.id, { rightsFlag: r.flag, approval: r.approval });
  }
  for (const id of ids) if (!out.has(id)) out.set(id, NONE);
  return out;
}

/** The ids holding a licence or a decision not undone; none when both tables are empty. */
function holders(db: Db, ids: readonly number[]): number[] {
  const any = statements(db)
    .prepare<[], { n: number }>(
      `SELECT EXISTS (SELECT 1 FROM asset_licences) OR EXISTS (SELECT 1 FROM approvals) AS n`,
    )
    .get();
  if (!any?.n) return [];
  return statements(db)
    .prepare<[string], { id: number }>(
      `SELECT j.value AS id FROM json_each(?) j
       WHERE EXISTS (SELECT 1 FROM asset_licences al WHERE al.asset_id = j.value)
          OR EXISTS (SELECT 1 FROM approvals p WHERE p.asset_id = j.value AND p.undone_at IS NULL)`,
    )
    .all(JSON.stringify(ids))
    .map((r) => r.id);
}
