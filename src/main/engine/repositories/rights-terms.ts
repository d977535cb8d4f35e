// The search language's rights terms, compiled over `assets a`:
//   rights:expired   a licence ended before today } both as rights/licence-dates.ts says
//   rights:expiring  a licence ends within its warning window } (local days, last day holds)
//   rights:none      no licence recorded
//   licence:"name"   a licence whose name or licensor holds the words (also license:)
//   approval:approved|in-review|rejected|draft   the state for the file's current content
import { APPROVAL_STATES } from '../../../shared/rights-dto';
import { expiredSql, expiringSql, today } from '../rights/licence-dates';
import { APPROVAL_STATE_SQL } from './approval-repo';

export const RIGHTS_FIELDS = ['rights', 'licence', 'license', 'approval'] as const;

// Date terms probe each asset's licences (EXISTS): they match thousands, and the page's
// sort walks assets anyway. A name matches few licences, so its holders are built once as
// a set through asset_licences_by_licence (measured at 100,000 assets: 47 → 14 ms, where the
// set made the date terms slower, 23 → 36 ms).
const HELD =
  'SELECT 1 FROM asset_licences x JOIN licences l ON l.id = x.licence_id WHERE x.asset_id = a.id';
const holding = (condition: string): string =>
  `a.id IN (SELECT x.asset_id FROM licences l
     JOIN asset_licences x ON x.licence_id = l.id WHERE ${condition})`;

/** SQL for a rights term, or undefined when `name` is not one; `fail` throws the query error. */
export function rightsTerm(
  name: string,
  value: string,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  switch (name) {
    case 'rights':
      if (value === 'expired') return `EXISTS (${HELD} AND ${expiredSql(today(), params)})`;
      if (value === 'expiring') return `EXISTS (${HELD} AND ${expiringSql(today(), params)})`;
      if (value === 'none')
        return 'NOT EXISTS (SELECT 1 FROM asset_licences x WHERE x.asset_id = a.id)';
      return fail('rights: is expired, expiring or none');
    case 'licence':
    case 'license': {
      const like = `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      params.push(like, like);
      return holding(`(lower(l.name) LIKE ? ESCAPE '\\' OR lower(l.licensor) LIKE ? ESCAPE '\\')`);
    }
    case 'approval':
      if (!(APPROVAL_STATES as readonly string[]).includes(value))
        return fail(`approval: is ${APPROVAL_STATES.join(', ')}`);
      params.push(value);
      return `${APPROVAL_STATE_SQL} = ?`;
    default:
      return undefined;
  }
}
