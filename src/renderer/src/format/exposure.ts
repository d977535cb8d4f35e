// Exposure as photographers write it: "1/250 s, f/2.8, ISO 100, 50 mm".

/** 0.004 → "1/250 s", 0.4 → "1/2.5 s", 2 → "2 s", 1.3 → "1.3 s". */
export function formatShutter(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '—';
  if (seconds >= 1) return `${trim(seconds)} s`;
  const denominator = 1 / seconds;
  // Cameras name slow fractions with a decimal (1/2.5, 1/1.6); fast ones are whole.
  const shown = denominator < 10 ? trim(denominator) : String(Math.round(denominator));
  return `1/${shown} s`;
}

export interface Exposure {
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  focalLength: number | null;
}

/** The parts that were recorded, joined; null when none were. */
export function formatExposure({
  exposureTime,
  fNumber,
  iso,
  focalLength,
}: Exposure): string | null {
  const parts = [
    exposureTime !== null ? formatShutter(exposureTime) : null,
    fNumber !== null && fNumber > 0 ? `f/${trim(fNumber)}` : null,
    iso !== null && iso > 0 ? `ISO ${Math.round(iso)}` : null,
    focalLength !== null && focalLength > 0 ? `${trim(focalLength)} mm` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** One decimal at most, none when it is zero: 2.8 → "2.8", 8.0 → "8". */
function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}
