import type { AssetKind } from '../../../../shared/dto';
import type { RichMediaReader } from '../read-rich-media';
import { readDocument } from './document-reader';
import { readModelAsset } from './model-reader';
import { readVideo } from './video-reader';

/** The reader of each kind that is not decoded as a photo; a kind not listed gets an icon. */
export const RICH_MEDIA_READERS: Partial<Record<AssetKind, RichMediaReader>> = {
  document: readDocument,
  model: readModelAsset,
  video: readVideo,
};
