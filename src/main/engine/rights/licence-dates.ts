// The one definition of a licence's dates against a day (README "Rights"): the rights
// check, search (`rights:expired|expiring`), notices, licences.list and the takedown list
// all ask it, in TypeScript or in the SQL twin below (repositories/licence-dates.test.ts
// holds both to the same table).
//
// - Days are the user's local calendar days ('YYYY-MM-DD'); `endsOn` is the last day of use.
// - expired: the end date is before the day (on the last day a licence still holds).
// - expiring: not expired, and the end is within `warnDays` days (both ends counted), so on
//   its last day a licence with any warning window is expiring. warnDays 0 means no warning.
// - No end date: never expired, never expiring.

export type LicenceDateStatus = 'not-started' | 'active' | 'expiring' | 'expired';

/** Today as 'YYYY-MM-DD' in local time: a licence's days are the user's days. */
export function today(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function isExpired(endsOn: string | null, day: string): boolean {
  return endsOn !== null && endsOn < day;
}

export function isExpiring(endsOn: string | null, warnDays: number, day: string): boolean {
  return endsOn !== null && warnDays > 0 && endsOn >= day && endsOn <= addDays(day, warnDays);
}

export function licenceStatus(
  l: { startsOn: string | null; endsOn: string | null; warnDays: number },
  day: string,
): LicenceDateStatus {
  if (isExpired(l.endsOn, day)) return 'expired';
  if (l.startsOn !== null && l.startsOn > day) return 'not-started';
  return isExpiring(l.endsOn, l.warnDays, day) ? 'expiring' : 'active';
}

/**
 * The SQL twins, over a licences alias `l`: each pushes its parameters (the day) onto
 * `params` in order. Kept next to the functions so the two cannot drift apart unseen.
 */
export function expiredSql(day: string, params: unknown[]): string {
  params.push(day);
  return '(l.ends_on IS NOT NULL AND l.ends_on < ?)';
}

export function expiringSql(day: string, params: unknown[]): string {
  params.push(day, day);
  return `(l.ends_on IS NOT NULL AND l.warn_days > 0 AND l.ends_on >= ?
    AND l.ends_on <= date(?, '+' || l.warn_days || ' days'))`;
}
