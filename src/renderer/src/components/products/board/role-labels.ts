// How the board names its slots.
import type { MediaRole } from '../../../../../shared/product-dto';

export const ROLE_LABELS: Readonly<Record<MediaRole, string>> = {
  main: 'Main image',
  gallery: 'Gallery',
  detail: 'Detail',
  lifestyle: 'Lifestyle',
  swatch: 'Swatch',
  spin: '360 spin',
  video: 'Video',
  document: 'Manual / document',
  model: '3D model',
};
