// How every rendition opens its source.
import type { Sharp } from 'sharp';
import { sharp } from '../sharp/sharp-lib';

/** 268 MP (sharp's default, 16384²): larger inputs are refused, not decoded into memory. */
export const LIMIT_INPUT_PIXELS = 0x3fff * 0x3fff;

/** A source, turned upright by its EXIF orientation. */
export function openSource(input: Buffer): Sharp {
  return sharp(input, { limitInputPixels: LIMIT_INPUT_PIXELS }).autoOrient();
}
