// An image as the models take it: upright (EXIF orientation applied), at most VISION_SIDE
// pixels a side for the detectors (they scale down to 256–512 px inside; more only costs
// decode time), and greyscale up to OCR_SIDE for Tesseract, which reads small type better
// from more pixels. Sources sharp cannot read (RAW, video) are handed in as their preview.
import { sharp } from '../sharp/sharp-lib';
import type { RgbImage } from './vision';

export const VISION_SIDE = 1280;
export const OCR_SIDE = 2400;

export async function visionInput(source: string | Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(source, { failOn: 'none' })
    .rotate()
    .resize(VISION_SIDE, VISION_SIDE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

export interface OcrInput {
  png: Buffer;
  width: number;
  height: number;
}

export async function ocrInput(source: string | Buffer): Promise<OcrInput> {
  const { data, info } = await sharp(source, { failOn: 'none' })
    .rotate()
    .resize(OCR_SIDE, OCR_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
