// The white-background pass of a rendition: the source decoded upright, flattened and in
// 8-bit sRGB, cleaned by analysis/white-background, and handed on as raw pixels for the
// rest of the pipeline (trim, resize, encode). Nothing changed: null, and the rendition is
// made from the source as without the pass.
import type { Sharp } from 'sharp';
import { sharp } from '../sharp/sharp-lib';
import {
  whiteBackground,
  type WhiteBackgroundOptions,
  type WhiteBackgroundResult,
} from '../../analysis/white-background';
import { openSource } from './sharp-input';

export interface CleanedSource {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3;
  result: Omit<WhiteBackgroundResult, 'data'>;
}

/** The source with its near-white backdrop made white, or why it was left alone. */
export async function cleanBackground(
  input: Buffer,
  background: string,
  options: WhiteBackgroundOptions,
): Promise<CleanedSource | Omit<WhiteBackgroundResult, 'data'>> {
  const { data, info } = await openSource(input)
    .flatten({ background })
    .toColourspace('srgb')
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const image = { width: info.width, height: info.height, channels: 3 as const, data };
  const { data: out, ...result } = whiteBackground(image, options);
  if (result.skipped !== null) return result;
  return { data: out, width: info.width, height: info.height, channels: 3, result };
}

export function isCleaned(
  c: CleanedSource | Omit<WhiteBackgroundResult, 'data'>,
): c is CleanedSource {
  return 'channels' in c;
}

/** A pipeline over the cleaned pixels: already upright, flat and sRGB. */
export function openCleaned(c: CleanedSource): Sharp {
  return sharp(c.data, { raw: { width: c.width, height: c.height, channels: c.channels } });
}

/** What the loupe's before/after shows: the preview cleaned (WebP), or why it was not. */
export interface CleanedPreview {
  /** WebP bytes; null when the pass left the preview alone (`result.skipped` says why). */
  data: Buffer | null;
  result: Omit<WhiteBackgroundResult, 'data'>;
}

/** A loupe preview with its near-white backdrop made white, at the preview's own size. */
export async function cleanPreview(
  preview: Buffer,
  options: WhiteBackgroundOptions,
): Promise<CleanedPreview> {
  const cleaned = await cleanBackground(preview, '#ffffff', options);
  if (!isCleaned(cleaned)) return { data: null, result: cleaned };
  // Near lossless: the comparison is with the preview, not with WebP's smoothing of it.
  const data = await openCleaned(cleaned).webp({ quality: 90, effort: 2 }).toBuffer();
  return { data, result: cleaned.result };
}
