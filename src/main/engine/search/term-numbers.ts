// The number in a comparison term (width>=2000, duration>2m). Most fields take a plain
// number; duration is in seconds and also takes a unit, as people say it (30s, 2m, 1h).

const DURATION = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)?$/i;
const SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** The term's number (duration in seconds), or what the field wants ("needs a number"). */
export function termNumber(field: string, raw: string): number | string {
  if (field === 'duration') {
    const unit = DURATION.exec(raw);
    if (!unit) return 'needs seconds: 30, 30s, 2m or 1h';
    return Number(unit[1]) * (SECONDS[(unit[2] ?? 's').toLowerCase()] ?? 1);
  }
  const value = Number(raw);
  return raw === '' || !Number.isFinite(value) ? 'needs a number' : value;
}
