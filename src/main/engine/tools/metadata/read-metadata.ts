import { readFile } from 'node:fs/promises';
import { exifr } from './exifr-api';
import type { AssetMetadata } from '../../../../shared/dto';
import { list, num, text, type Segment, type Segments } from './metadata-segments';
import { rightsClaimsOf } from './rights-claims';

const PARSE_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  iptc: true,
  xmp: true,
  icc: true,
  ifd1: false,
  interop: false,
  mergeOutput: false,
  // Dates stay as written: a capture time has no time zone unless the camera recorded one.
  reviveValues: false,
  translateValues: false,
} as const;

/** EXIF, IPTC, XMP and ICC of a file's bytes (or path); null when it has none or exifr cannot read it. */
export async function readSegments(input: Buffer | string): Promise<Segments | null> {
  try {
    return ((await exifr.parse(input, PARSE_OPTIONS)) as Segments | undefined) ?? null;
  } catch {
    return null; // no metadata is not an error: many PNGs and WebPs carry none
  }
}

/** An XMP sidecar's namespaces; null when unreadable. */
export async function readSidecar(path: string): Promise<Segments | null> {
  try {
    // Read here, not by exifr: its own file reader can leave a handle for the GC to close,
    // and a library with thousands of sidecars must not run out of descriptors.
    const xmp = await readFile(path);
    return (
      ((await exifr.sidecar(xmp, { mergeOutput: false, reviveValues: false }, 'xmp')) as
        Segments | undefined) ?? null
    );
  } catch {
    return null;
  }
}

export interface PixelFacts {
  colorSpace: string | null;
  iccProfile: string | null;
  bitDepth: number | null;
  hasAlpha: boolean | null;
}

/**
 * One record from the file's own metadata and its sidecars. Sidecars win for XMP fields,
 * as in Lightroom and Bridge: a sidecar is where they write what the user changed.
 */
export function toAssetMetadata(
  embedded: Segments | null,
  sidecars: { relPath: string; segments: Segments }[],
  pixels: PixelFacts,
): AssetMetadata {
  const e = embedded ?? {};
  const xmpSources: Segments[] = [...sidecars.map((s) => s.segments).reverse(), e];
  const xmp = (ns: string, key: string): unknown => {
    for (const source of xmpSources) {
      const value = source[ns]?.[key];
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  };
  const ifd0 = e.ifd0 ?? {};
  const exif = e.exif ?? {};
  const iptc = e.iptc ?? {};

  const keywords = unique([...list(xmp('dc', 'subject')), ...list(iptc.Keywords)]);
  const copyright = text(xmp('dc', 'rights')) ?? text(iptc.CopyrightNotice) ?? text(ifd0.Copyright);
  return {
    capturedAt:
      exifDate(exif.DateTimeOriginal, exif.OffsetTimeOriginal) ??
      isoDate(xmp('exif', 'DateTimeOriginal')) ??
      isoDate(xmp('photoshop', 'DateCreated')) ??
      isoDate(xmp('xmp', 'CreateDate')) ??
      exifDate(exif.CreateDate, exif.OffsetTimeDigitized),
    make: text(ifd0.Make) ?? text(xmp('tiff', 'Make')),
    model: text(ifd0.Model) ?? text(xmp('tiff', 'Model')),
    lens: text(exif.LensModel) ?? text(xmp('exifEX', 'LensModel')) ?? text(xmp('aux', 'Lens')),
    exposureTime: num(exif.ExposureTime) ?? num(xmp('exif', 'ExposureTime')),
    fNumber: num(exif.FNumber) ?? num(xmp('exif', 'FNumber')),
    iso: num(exif.ISO) ?? num(list(xmp('exif', 'ISOSpeedRatings'))[0]),
    focalLength: num(exif.FocalLength) ?? num(xmp('exif', 'FocalLength')),
    gps: gpsOf(e.gps),
    orientation: orientationOf(ifd0.Orientation ?? xmp('tiff', 'Orientation')),
    title: text(xmp('dc', 'title')) ?? text(iptc.ObjectName),
    description: text(xmp('dc', 'description')) ?? text(iptc.Caption),
    keywords,
    hierarchicalKeywords: unique(list(xmp('lr', 'hierarchicalSubject'))),
    creator: text(xmp('dc', 'creator')) ?? text(iptc.Byline) ?? text(ifd0.Artist),
    copyright,
    usageTerms: text(xmp('xmpRights', 'UsageTerms')),
    rightsClaims: rightsClaimsOf(xmp, iptc, copyright),
    rating: num(xmp('xmp', 'Rating')),
    label: text(xmp('xmp', 'Label')),
    colorSpace: pixels.colorSpace,
    iccProfile: text(e.icc?.ProfileDescription) ?? pixels.iccProfile,
    bitDepth: pixels.bitDepth,
    hasAlpha: pixels.hasAlpha,
    sidecars: sidecars.map((s) => s.relPath),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function orientationOf(value: unknown): number | null {
  const n = num(value);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 8 ? n : null;
}

/** "2026:05:04 10:11:12" (+ "+02:00") → "2026-05-04T10:11:12+02:00". */
function exifDate(value: unknown, offset: unknown): string | null {
  const s = text(value);
  const m = s && /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s);
  if (!m || m[1] === '0000') return null;
  const zone = text(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : ''}`;
}

function isoDate(value: unknown): string | null {
  const s = text(value);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s : null;
}

function gpsOf(gps: Segment | undefined): AssetMetadata['gps'] {
  if (!gps) return null;
  const latitude = dms(gps.GPSLatitude, gps.GPSLatitudeRef, 'S');
  const longitude = dms(gps.GPSLongitude, gps.GPSLongitudeRef, 'W');
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude, altitude: num(gps.GPSAltitude) };
}

function dms(value: unknown, ref: unknown, negative: string): number | null {
  const parts = Array.isArray(value) ? value.map(num) : [num(value)];
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  const [d = 0, m = 0, s = 0] = parts as number[];
  const decimal = d + m / 60 + s / 3600;
  return Math.round((text(ref) === negative ? -decimal : decimal) * 1e6) / 1e6;
}
