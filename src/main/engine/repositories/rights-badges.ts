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
 * computed for every match before the sort. Each row is two indexed lookups
 * (asset_licences' key, approvals_by_asset). A library with no licence link and no decision
 * at all (two one-step reads) answers 'no flag, draft' without the query: ~0.7 → ~0.02 ms a
 * page of 500. Skipping the query per id instead, for the ids holding nothing, saved ~0.3 ms
 * on a mixed page but cost 0.25–0.5 ms on a page where every asset holds a licence or a
 * decision (`approval:approved`), so a library with rights data reads every id as before.
 */
export function rightsBadges(db: Db, ids: readonly number[]): Map<number, Readonly<RightsBadge>> {
  const out = new Map<number, Readonly<RightsBadge>>();
  if (ids.length === 0) return out;
  if (!anyRights(db)) {
    for (const id of ids) out.set(id, NONE);
    return out;
  }
  const params: unknown[] = [];
  const flag = flagSql(today(), params);
  const rows = statements(db)
    .prepare<unknown[], { id: number; flag: RightsFlag | null; approval: ApprovalState }>(
      `SELECT a.id, ${flag} AS flag, ${APPROVAL_STATE_SQL} AS approval
       FROM json_each(?) j JOIN assets a ON a.id = j.value`,
    )
    .all(...params, JSON.stringify(ids));
  for (const r of rows) out.set(r.id, { rightsFlag: r.flag, approval: r.approval });
  return out;
}

/** Whether any asset holds a licence or any decision was made (one step of an index each). */
function anyRights(db: Db): boolean {
  const found = statements(db)
    .prepare<[], { n: number }>(
      `SELECT EXISTS (SELECT 1 FROM asset_licences) OR EXISTS (SELECT 1 FROM approvals) AS n`,
    )
    .get();
  return Boolean(found?.n);
}
