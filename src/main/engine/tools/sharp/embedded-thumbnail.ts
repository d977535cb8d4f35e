import type { OutputInfo } from 'sharp';
import { sharp } from './sharp-lib';
import type { Pixels } from '../../analysis/analyze-pixels';
import { exifr } from '../metadata/exifr-api';
import { jpegSize } from './jpeg-size';
import { cropPixels, orientPixels, type Box } from '../../analysis/pixel-geometry';

/** An embedded thumbnail is small (160×120 is the norm); anything larger is not one. */
const MAX_THUMB_PIXELS = 1024 * 1024;
/** Aspect ratios closer than this are the same: no letterbox to cut. */
const SAME_ASPECT = 0.03;

/**
 * The upright RGBA pixels, at most `side` px, of the thumbnail a camera embedded in the first
 * bytes of its file (EXIF IFD1: JPEGs, and TIFF-based RAW such as CR2), or null when the
 * head holds none. Cameras letterbox a 3:2 frame into a 4:3 thumbnail; the bars are cut.
 */
export async function embeddedThumbnailPixels(head: Buffer, side: number): Promise<Pixels | null> {
  const thumb = await findThumbnail(head);
  if (!thumb) return null;
  const size = jpegSize(thumb);
  if (!size || size.width * size.height > MAX_THUMB_PIXELS) return null;
  // The decode runs on the pool while this thread reads the EXIF it needs.
  const decoded = thumbnailPixels(thumb, side);
  // Awaited below; a decode that fails while the EXIF is still being read is not unhandled.
  decoded.catch(() => undefined);
  const facts = await frameFacts(head);
  let px = await decoded;
  const box = facts.frame ? letterboxCut(px, facts.frame) : null;
  if (box) px = cropPixels(px, box);
  return orientPixels(px, facts.orientation);
}

/**
 * A camera thumbnail's RGBA pixels, at most `side` px. One decode, scaled while decoding
 * (libjpeg's shrink-on-load): the main thread then cuts and turns a few hundred pixels,
 * cheaper than a second round through libvips. failOn 'warning': a thumbnail cut off by
 * the end of the head is no thumbnail.
 */
export async function thumbnailPixels(thumb: Buffer, side: number): Promise<Pixels> {
  const decode = (alpha: boolean): Promise<{ data: Buffer; info: OutputInfo }> => {
    const pipeline = sharp(thumb, { failOn: 'warning', limitInputPixels: MAX_THUMB_PIXELS });
    pipeline.resize(side, side, { fit: 'inside', withoutEnlargement: true });
    return (alpha ? pipeline.ensureAlpha() : pipeline).raw().toBuffer({ resolveWithObject: true });
  };
  // libvips' alpha band (ensureAlpha) was a fifth of this decode's CPU (~0.3 of 1.5 ms, and
  // these decodes are most of the camera files' first paint): RGB (sharp gives grey and CMYK
  // JPEGs as RGB too) gets its opaque alpha here, the same bytes; anything else is decoded
  // again as it was.
  let { data, info } = await decode(false);
  if (info.channels === 3) data = withOpaqueAlpha(data);
  else ({ data, info } = await decode(true));
  return { width: info.width, height: info.height, data };
}

/**
 * The frame's stored size (a JPEG's own frame header, else what EXIF says, as in a RAW)
 * and its orientation.
 */
async function frameFacts(
  head: Buffer,
): Promise<{ frame: { width: number; height: number } | null; orientation: number }> {
  const frame = jpegSize(head);
  // A JPEG's frame is its own: only the orientation is read from EXIF, by exifr's reader
  // of IFD0's one tag (~6× cheaper on the main thread than a parse that picks three).
  if (frame)
    return { frame, orientation: orientationOf(await exifr.orientation(head).catch(() => 1)) };
  const exif = (await exifr
    .parse(head, {
      pick: ['Orientation', 'ExifImageWidth', 'ExifImageHeight'],
      translateValues: false,
    })
    .catch(() => undefined)) as
    { Orientation?: unknown; ExifImageWidth?: unknown; ExifImageHeight?: unknown } | undefined;
  const { ExifImageWidth: width, ExifImageHeight: height } = exif ?? {};
  const fromExif =
    typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0
      ? { width, height }
      : null;
  return { frame: fromExif, orientation: orientationOf(exif?.Orientation) };
}

/**
 * An Orientation entry as libvips reads it for the full thumbnail: an integer's first value
 * (a SHORT stored twice is an array here), 1 for anything else (a RATIONAL, text, 0, 9).
 */
function orientationOf(value: unknown): number {
  const first =
    ArrayBuffer.isView(value) || Array.isArray(value) ? (value as ArrayLike<unknown>)[0] : value;
  return typeof first === 'number' && Number.isInteger(first) && first >= 1 && first <= 8
    ? first
    : 1;
}

async function findThumbnail(head: Buffer): Promise<Buffer | null> {
  // JPEG (and HEIC): exifr finds IFD1 inside the EXIF segment.
  const found = await exifr.thumbnail(head).catch(() => undefined);
  if (found && found.length > 0) return Buffer.from(found);
  // TIFF-based RAW: IFD1's offsets count from the start of the file.
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff !== 'II*\0' && tiff !== 'MM\0*') return null;
  const parsed = (await exifr
    .parse(head, { ifd1: true, exif: false, gps: false, mergeOutput: false, translateKeys: false })
    .catch(() => undefined)) as { ifd1?: Record<number, unknown> } | undefined;
  const offset = parsed?.ifd1?.[0x201];
  const length = parsed?.ifd1?.[0x202];
  if (typeof offset !== 'number' || typeof length !== 'number') return null;
  if (offset <= 0 || length <= 0 || offset + length > head.length) return null;
  return head.subarray(offset, offset + length);
}

/** 8-bit RGB as RGBA, alpha 255: what libvips' ensureAlpha makes of it. */
function withOpaqueAlpha(rgb: Buffer): Buffer {
  const pixels = rgb.length / 3;
  const rgba = Buffer.allocUnsafe(pixels * 4);
  for (let i = 0, o = 0; i < rgb.length; i += 3, o += 4) {
    rgba[o] = rgb[i]!;
    rgba[o + 1] = rgb[i + 1]!;
    rgba[o + 2] = rgb[i + 2]!;
    rgba[o + 3] = 255;
  }
  return rgba;
}

/** The part of a thumbnail that shows the frame, when its aspect differs from the frame's. */
function letterboxCut(
  thumb: { width: number; height: number },
  frame: { width: number; height: number },
): Box | null {
  const want = frame.width / frame.height;
  const have = thumb.width / thumb.height;
  if (Math.abs(want - have) / want < SAME_ASPECT) return null;
  if (want > have) {
    const height = Math.max(1, Math.round(thumb.width / want));
    return { left: 0, top: Math.floor((thumb.height - height) / 2), width: thumb.width, height };
  }
  const width = Math.max(1, Math.round(thumb.height * want));
  return { left: Math.floor((thumb.width - width) / 2), top: 0, width, height: thumb.height };
}
