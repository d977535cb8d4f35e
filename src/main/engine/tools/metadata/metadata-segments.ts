// exifr's output, segment by segment (mergeOutput: false): only what Packshot reads.
export type Segment = Record<string, unknown>;

export interface Segments {
  ifd0?: Segment;
  exif?: Segment;
  gps?: Segment;
  iptc?: Segment;
  icc?: Segment;
  /** XMP namespaces: dc, xmp, lr, photoshop, xmpRights, exif, tiff, … */
  [namespace: string]: Segment | undefined;
}

/** XMP language alternatives come as {lang, value}; lists of one come as a bare value. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && 'value' in value) return text(value.value);
  return null;
}

export function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(text).filter((v): v is string => v !== null);
}

export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    // XMP writes rationals as "14/5".
    const [a, b] = value.split('/').map(Number);
    if (a !== undefined && Number.isFinite(a))
      return b !== undefined && Number.isFinite(b) && b !== 0 ? a / b : a;
  }
  return null;
}
