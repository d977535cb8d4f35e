// One definition of "expired" and "expiring" (rights/licence-dates.ts): every edge in one
// table, asked of the TypeScript functions, of their SQL twins (search, notices) on a real
// SQLite file, and of the rights check, so no caller can disagree again.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLicence } from '../../test-support/licence-fixture';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { checkRights } from '../rights/check-rights';
import {
  addDays,
  expiredSql,
  expiringSql,
  isExpired,
  isExpiring,
  licenceStatus,
  today,
} from '../rights/licence-dates';

const DAY = '2026-12-05';
type Row = [endsOn: string | null, warnDays: number, expired: boolean, expiring: boolean];
const TABLE: Row[] = [
  [null, 30, false, false], // no end date
  [null, 0, false, false],
  ['2026-12-04', 30, true, false], // ended yesterday
  ['2026-12-04', 0, true, false],
  ['2026-12-05', 30, false, true], // the last day: still holds, expiring
  ['2026-12-05', 1, false, true],
  ['2026-12-05', 0, false, false], // the last day with warnDays 0: no warning
  ['2026-12-06', 1, false, true], // the window counts both ends
  ['2026-12-07', 1, false, false],
  ['2027-01-04', 30, false, true], // exactly warnDays ahead
  ['2027-01-05', 30, false, false],
  ['2027-03-01', 0, false, false],
  ['2028-02-29', 3650, false, true], // a leap day, a long window
];

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = await tempDir('licence-dates');
  db = openDatabase(join(dir, 'library.db'));
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const sql = (
  make: (day: string, params: unknown[]) => string,
  endsOn: string | null,
  warn: number,
) => {
  const params: unknown[] = [];
  const where = make(DAY, params);
  params.push(endsOn, warn); // the subquery's marks come after the select list's
  const row = db
    .prepare(`SELECT ${where} AS yes FROM (SELECT ? AS ends_on, ? AS warn_days) l`)
    .get(...params) as { yes: number | null };
  return row.yes === 1;
};

const licence = (endsOn: string | null, warnDays: number) => aLicence({ endsOn, warnDays });

describe('licence dates: one definition', () => {
  it.each(TABLE)('ends %s, warn %i days: expired %s, expiring %s', (endsOn, warn, exp, soon) => {
    expect(isExpired(endsOn, DAY)).toBe(exp);
    expect(isExpiring(endsOn, warn, DAY)).toBe(soon);
    expect(sql(expiredSql, endsOn, warn)).toBe(exp);
    expect(sql(expiringSql, endsOn, warn)).toBe(soon);
    const status = licenceStatus({ startsOn: null, endsOn, warnDays: warn }, DAY);
    expect(status).toBe(exp ? 'expired' : soon ? 'expiring' : 'active');
    const codes = checkRights(
      { licences: [licence(endsOn, warn)], releases: [], approval: 'approved' },
      { channel: null, date: DAY },
    ).reasons.map((r) => r.code);
    expect(codes.includes('licence.expired')).toBe(exp);
    expect(codes.includes('licence.expiring')).toBe(soon);
  });

  it('a licence not started yet says so, unless it has also ended', () => {
    expect(licenceStatus({ startsOn: '2026-12-06', endsOn: null, warnDays: 30 }, DAY)).toBe(
      'not-started',
    );
    expect(licenceStatus({ startsOn: DAY, endsOn: null, warnDays: 30 }, DAY)).toBe('active');
  });

  it('today is the local calendar day; addDays crosses months and leap days', () => {
    expect(today(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(today(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
