import { sharp } from './sharp-lib';
import { MAX_INPUT_PIXELS } from './render-thumbnail';

/** The difference image's longest side: enough to see what changed, cheap to compute. */
export const DIFF_PX = 1024;
const AMPLIFY = 4;
const CHANGED_ABOVE = 8;

export interface PixelDiff {
  png: Buffer;
  width: number;
  height: number;
  changedShare: number;
  meanDifference: number;
}

/**
 * |a − b| per channel, amplified so small edits show: b is decoded to a's size (both
 * upright, fitted into DIFF_PX), so a crop or a resize shows as a difference everywhere,
 * which is what it is.
 */
export async function pixelDiff(a: Buffer | string, b: Buffer | string): Promise<PixelDiff> {
  const first = await sharp(a, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(DIFF_PX, DIFF_PX, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = first.info;
  const second = await sharp(b, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer();
  const pa = first.data;
  const out = Buffer.alloc(width * height * 3);
  let changed = 0;
  let sum = 0;
  for (let p = 0; p < width * height; p++) {
    let most = 0;
    for (let c = 0; c < 3; c++) {
      const i = p * 3 + c;
      const d = Math.abs((pa[i] ?? 0) - (second[i] ?? 0));
      sum += d;
      if (d > most) most = d;
      out[i] = Math.min(255, d * AMPLIFY);
    }
    if (most > CHANGED_ABOVE) changed++;
  }
  const pixels = width * height;
  const changedShare = pixels ? changed / pixels : 0;
  const meanDifference = pixels ? sum / (pixels * 3) : 0;
  // The figures travel in the PNG's XMP: a cached diff is the whole answer, in one file.
  const png = await sharp(out, { raw: { width, height, channels: 3 } })
    .png()
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:packshot="https://packshot.app/ns/diff/" packshot:changedShare="${changedShare}" packshot:meanDifference="${meanDifference}"/></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();
  return { png, width, height, changedShare, meanDifference };
}

/** What pixelDiff wrote into a diff PNG, read back; null when the file does not carry it. */
export async function readPixelDiff(png: string): Promise<Omit<PixelDiff, 'png'> | null> {
  const meta = await sharp(png).metadata();
  const xmp = meta.xmp?.toString('utf8') ?? '';
  const figure = (name: string): number | null => {
    const found = new RegExp(`packshot:${name}="([0-9.e+-]+)"`).exec(xmp)?.[1];
    return found === undefined || !Number.isFinite(Number(found)) ? null : Number(found);
  };
  const changedShare = figure('changedShare');
  const meanDifference = figure('meanDifference');
  if (changedShare === null || meanDifference === null || !meta.width || !meta.height) return null;
  return { width: meta.width, height: meta.height, changedShare, meanDifference };
}
