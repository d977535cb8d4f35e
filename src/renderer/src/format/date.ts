// Dates for people. Capture dates are shown as recorded (EXIF has no time zone, and
// inventing one would shift the hour); moments Packshot recorded itself are shown in local
// time.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const RECORDED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** "2026-03-12T14:05:09" → "12 Mar 2026, 14:05:09"; an offset, if recorded, is kept. */
export function formatCaptureDate(recorded: string): string {
  const m = RECORDED.exec(recorded.trim());
  if (m === null) return recorded;
  const [, year, month, day, hour, minute, second, zone] = m;
  const monthName = MONTHS[Number(month) - 1];
  if (monthName === undefined) return recorded;
  const date = `${Number(day)} ${monthName} ${year}`;
  if (hour === undefined || minute === undefined) return date;
  const time = `${hour}:${minute}${second !== undefined ? `:${second}` : ''}`;
  const offset = zone === undefined ? '' : zone === 'Z' ? ' UTC' : ` UTC${zone}`;
  return `${date}, ${time}${offset}`;
}

const local = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant in local time, "12 Mar 2026, 14:05"; the input back if unreadable. */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : local.format(time);
}
