// Rich media's facts written for people: play time as m:ss, frame rate, bit rate, a model's
// size in metres, a validator's problems. Each takes what the engine sends (MediaFacts).

/**
 * 12 500 ms → "0:12", 95 000 → "1:35", an hour or more → "1:02:03". Whole seconds, cut
 * down, never rounded: `duration=12` finds 12.000–12.999 s, which all read 0:12 here. The
 * one play time of the app (grid badge, loupe, preview).
 */
export function formatPlayTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}:${s}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${s}`;
}

/** 29.97 → "29.97 fps", 25 → "25 fps". */
export function formatFps(fps: number): string {
  return `${Number(fps.toFixed(2))} fps`;
}

/** 2 400 000 → "2.4 Mbit/s", 128 000 → "128 kbit/s". */
export function formatBitrate(bitsPerSecond: number): string {
  if (bitsPerSecond >= 1_000_000) return `${Number((bitsPerSecond / 1e6).toFixed(1))} Mbit/s`;
  return `${Math.round(bitsPerSecond / 1000)} kbit/s`;
}

const metres = (v: number): string => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A model's real-world size, "0.50 × 0.90 × 0.45 m", from detail.sizeMetres: [x, y, z] or
 * {x, y, z} / {width, height, depth} in metres; null when absent or not that shape.
 */
export function formatModelSize(size: unknown): string | null {
  let dims: unknown[] = [];
  if (Array.isArray(size)) dims = size;
  else if (typeof size === 'object' && size !== null) {
    const o = size as Record<string, unknown>;
    dims = 'x' in o ? [o.x, o.y, o.z] : [o.width, o.height, o.depth];
  }
  if (dims.length !== 3 || !dims.every(num)) return null;
  return `${dims.map(metres).join(' × ')} m`;
}

/**
 * The validator's problems from detail.validation (the model reader's), one line each: an
 * array of messages (strings, or {message or text, severity?, code?}), or {errors, warnings, …} holding such arrays.
 */
export function validatorProblems(validator: unknown): string[] {
  const line = (item: unknown, severity?: string): string | null => {
    if (typeof item === 'string') return severity ? `${severity}: ${item}` : item;
    if (typeof item !== 'object' || item === null) return null;
    const o = item as Record<string, unknown>;
    const message = typeof o.message === 'string' ? o.message : o.text;
    if (typeof message !== 'string') return null;
    const level = typeof o.severity === 'string' ? o.severity : severity;
    const code = typeof o.code === 'string' ? ` (${o.code})` : '';
    return `${level ? `${level}: ` : ''}${message}${code}`;
  };
  const list = (items: unknown, severity?: string): string[] =>
    Array.isArray(items)
      ? items.map((i) => line(i, severity)).filter((l): l is string => l !== null)
      : [];
  if (Array.isArray(validator)) return list(validator);
  if (typeof validator !== 'object' || validator === null) return [];
  const o = validator as Record<string, unknown>;
  return [
    ...list(o.errors, 'error'),
    ...list(o.warnings, 'warning'),
    ...list(o.infos, 'info'),
    ...list(o.messages),
  ];
}
