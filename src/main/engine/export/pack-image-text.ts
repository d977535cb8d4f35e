// Loads what OCR read in each image of a pack, for pre-flight's text check (one query per
// 500 images). Text read from an earlier content of the file is not this image's.
import { ROLE_KINDS } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import { readImageTexts } from '../repositories/image-text-repo';
import type { PackProduct } from './pack-source';

export function attachImageText(db: Db, products: readonly PackProduct[]): void {
  // Stills (a RAW's text is read from its preview); what a video or manual shows is not
  // what pre-flight's text check is about.
  const stills = ROLE_KINDS.main as readonly string[];
  const images = products.flatMap((p) => p.images.filter((i) => stills.includes(i.kind)));
  const texts = readImageTexts(db, [...new Set(images.map((i) => i.assetId))]);
  for (const image of images) {
    const read = texts.get(image.assetId);
    image.ocrText = read && image.hash !== null && read.hash === image.hash ? read.text : null;
  }
}
