import type { Sharp } from 'sharp';
import { setSharpThreads, sharp, sharpThreads } from './sharp-lib';

/**
 * libvips threads per image. The engine sets it to its core count, as it does its index
 * queue, so a forced count (PACKSHOT_CORES) or a taskset holds for both.
 */
export function setImageThreads(threads: number): void {
  setSharpThreads(Math.max(1, Math.floor(threads)));
}

export function imageThreads(): number {
  return sharpThreads();
}

export const THUMB_PX = 320;
export const PREVIEW_PX = 2048;

/**
 * Pixel limit for decoding: a decompression bomb (say 30000×30000) is refused from its
 * header before any pixel memory is taken. 16384² covers every camera made.
 */
export const MAX_INPUT_PIXELS = 16384 * 16384;

export interface ImageProbe {
  format: string;
  width: number;
  height: number;
  orientation: number | null;
  colorSpace: string | null;
  hasProfile: boolean;
  bitDepth: number | null;
  hasAlpha: boolean;
}

const BIT_DEPTH: Record<string, number> = {
  uchar: 8,
  char: 8,
  ushort: 16,
  short: 16,
  uint: 32,
  float: 32,
  double: 64,
};

function open(input: Buffer | string, failOn: 'warning' | 'none' = 'warning'): Sharp {
  // SVGs render at their own size; density keeps small vector art sharp in the grid.
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn, density: 144 });
}

export async function probeImage(input: Buffer | string): Promise<ImageProbe> {
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  if (!meta.format || !meta.width || !meta.height) {
    throw new Error('Image header has no format or dimensions');
  }
  if (meta.width * meta.height > MAX_INPUT_PIXELS)
    throw new Error('Input image exceeds pixel limit');
  // libvips names AVIF and HEIC both "heif"; the compression tells them apart.
  const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
  return {
    format,
    width: meta.width,
    height: meta.height,
    orientation: meta.orientation ?? null,
    colorSpace: meta.space ?? null,
    hasProfile: meta.hasProfile ?? false,
    bitDepth: meta.depth ? (BIT_DEPTH[meta.depth] ?? null) : null,
    hasAlpha: meta.hasAlpha ?? false,
  };
}

/**
 * Grid thumbnail: upright (EXIF orientation applied, or `orientation` for a RAW preview
 * whose own JPEG carries none), at most THUMB_PX on its longest side, WebP (keeps alpha).
 */
export async function renderThumbnail(
  input: Buffer | string,
  orientation?: number | null,
): Promise<Buffer> {
  return orient(open(input), orientation)
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75, effort: 2 })
    .toBuffer();
}

/** Loupe preview: upright, at most PREVIEW_PX, WebP. */
export async function renderPreview(
  input: Buffer | string,
  orientation?: number | null,
): Promise<Buffer> {
  return orient(open(input, 'none'), orientation)
    .resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82, effort: 2 })
    .toBuffer();
}

function orient(image: Sharp, orientation: number | null | undefined): Sharp {
  if (orientation === undefined || orientation === null) return image.rotate();
  // An explicit orientation (from the RAW's own EXIF) for a preview that carries none.
  return image.rotate(ANGLE[orientation] ?? 0).flop(MIRRORED.has(orientation));
}

const ANGLE: Record<number, number> = { 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270 };
const MIRRORED = new Set([2, 4, 5, 7]);

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The thumbnail's pixels, RGBA, for analysis. */
export async function rgbaOf(thumbnail: Buffer): Promise<Rgba> {
  const { data, info } = await sharp(thumbnail)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}
