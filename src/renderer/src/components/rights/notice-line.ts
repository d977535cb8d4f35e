// The one line the start notice shows, e.g. "2 licences expired, 1 ends within 30 days".
import type { RightsNotice } from '../../../../shared/rights-dto';

const licences = (n: number): string => `${n} licence${n === 1 ? '' : 's'}`;

export function noticeLine(notices: readonly RightsNotice[]): string | null {
  const expired = notices.filter((n) => n.status === 'expired').length;
  const expiring = notices.filter((n) => n.status === 'expiring');
  const parts: string[] = [];
  if (expired > 0) parts.push(`${licences(expired)} expired`);
  if (expiring.length > 0) {
    // Each licence has its own window; the widest one bounds them all.
    const days = Math.max(...expiring.map((n) => n.warnDays));
    const verb = expiring.length === 1 ? 'ends' : 'end';
    parts.push(
      `${expired > 0 ? expiring.length : licences(expiring.length)} ${verb} within ${days} days`,
    );
  }
  return parts.length > 0 ? parts.join(', ') : null;
}
