import sharp from 'sharp';

export const THUMB_PX = 320;

/**
 * Pixel limit for decoding: a decompression bomb (say 30000×30000) is refused from its
 * header before any pixel memory is taken. 16384² covers every camera made.
 */
export const MAX_INPUT_PIXELS = 16384 * 16384;

export interface ImageProbe {
  format: string;
  width: number;
  height: number;
}

export async function probeImage(input: Buffer | string): Promise<ImageProbe> {
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  if (!meta.format || !meta.width || !meta.height) {
    throw new Error('Image header has no format or dimensions');
  }
  // libvips names AVIF and HEIC both "heif"; the compression tells them apart.
  const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
  return { format, width: meta.width, height: meta.height };
}

/** Grid thumbnail: upright, at most THUMB_PX on its longest side, WebP (keeps alpha). */
export async function renderThumbnail(input: Buffer | string): Promise<Buffer> {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' })
    .rotate()
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75, effort: 2 })
    .toBuffer();
}
