import type { AssetKind } from '../../../../shared/dto';
import type { RichMediaReader } from '../read-rich-media';
import { readModelAsset } from './model-reader';

/** The reader of each kind that is not decoded as a photo; a kind not listed gets an icon. */
export const RICH_MEDIA_READERS: Partial<Record<AssetKind, RichMediaReader>> = {
  model: readModelAsset,
};
