// Amazon's 360 package: 24, 48 or 72 frames, one zip per SKU, with a manifest.json.
// Frame names: `{SKU}_360_{NN}.jpg`, numbered from 01 in turning order. Amazon's own
// convention for 360 uploads is not published in one place we could check (checked
// 2026-12); this one keeps the SKU first as its image names (SKU.MAIN.jpg, SKU.PT01.jpg)
// do, and is one constant here to change.
import type { Zippable } from 'fflate';
import { lazyModule } from '../../tools/lazy-module';
import { sanitizeSegment } from '../../../../shared/naming/sanitize-name';

// The zip writer loads when a package is made, not with the engine.
const fflate = lazyModule<typeof import('fflate')>('fflate');

export const AMAZON_FRAME_COUNTS = [24, 48, 72] as const;
export type AmazonFrames = (typeof AMAZON_FRAME_COUNTS)[number];

/**
 * The frame count to send: the one asked for, or else the largest the spin can fill. A spin
 * with fewer frames than asked falls back to the largest count it can fill (frames are
 * never repeated: a doubled frame stutters as it turns); under 24, no package.
 */
export function amazonCount(has: number, wanted: AmazonFrames | undefined): AmazonFrames | null {
  const fits = AMAZON_FRAME_COUNTS.filter((n) => n <= has);
  if (wanted !== undefined && fits.includes(wanted)) return wanted;
  return fits[fits.length - 1] ?? null;
}

/** `count` frame indexes spread evenly round the spin's `has` frames (the first kept). */
export function resample(has: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor((i * has) / count));
}

/** A flat entry name: a SKU such as `SHOE/RED` or `../x` must not make folders in the zip. */
export function amazonFrameName(sku: string, index: number): string {
  return `${sanitizeSegment(sku) || 'spin'}_360_${String(index + 1).padStart(2, '0')}.jpg`;
}

export interface AmazonManifest {
  sku: string;
  spin: string;
  frames: number;
  sourceFrames: number;
  /** Which of the spin's frames (0-based) each file is. */
  files: { name: string; sourceFrame: number; assetId: number }[];
  direction: 'as-shot';
}

/** The zip, stored (JPEGs do not shrink) with a fixed date, so the same frames give the same bytes. */
export function amazonZip(manifest: AmazonManifest, frames: readonly Buffer[]): Buffer {
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries: Zippable = {};
  manifest.files.forEach((f, i) => {
    entries[f.name] = [new Uint8Array(frames[i] as Buffer), { level: 0, mtime }];
  });
  entries['manifest.json'] = [
    fflate().strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    { level: 6, mtime },
  ];
  return Buffer.from(fflate().zipSync(entries));
}
