// A PDF's own words turned into the catalogue's: its dates as ISO 8601, its page size as a
// paper name people recognise.

/**
 * `D:YYYYMMDDHHmmSS+HH'mm'` (every part after the year optional) or an XMP date, as ISO
 * 8601 with the offset the file gives (none when it gives none); null when unreadable.
 */
export function pdfDate(raw: string | null): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (/^\d{4}-/.test(value)) return isoFallback(value);
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      value,
    );
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', z, sign, oh, om = '00'] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const zone = z ? 'Z' : sign && oh ? `${sign}${oh}:${om}` : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

/** An XMP date is already ISO 8601 (`2020-09-11T22:27:13-03:00`). */
function isoFallback(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)
    ? value
    : null;
}

const PAPER: { name: string; w: number; h: number }[] = [
  { name: 'A3', w: 297, h: 420 },
  { name: 'A4', w: 210, h: 297 },
  { name: 'A5', w: 148, h: 210 },
  { name: 'A6', w: 105, h: 148 },
  { name: 'Letter', w: 215.9, h: 279.4 },
  { name: 'Legal', w: 215.9, h: 355.6 },
];

/** `A4 (210 × 297 mm)`, `Letter landscape (279 × 216 mm)`, or just the millimetres. */
export function pageSizeLabel(widthPt: number, heightPt: number): string {
  const w = (widthPt * 25.4) / 72;
  const h = (heightPt * 25.4) / 72;
  const mm = `${Math.round(w)} × ${Math.round(h)} mm`;
  const short = Math.min(w, h);
  const long = Math.max(w, h);
  const paper = PAPER.find((p) => Math.abs(p.w - short) < 2 && Math.abs(p.h - long) < 2);
  if (!paper) return mm;
  return `${paper.name}${w > h ? ' landscape' : ''} (${mm})`;
}
