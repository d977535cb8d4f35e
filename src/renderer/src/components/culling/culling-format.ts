// Words and marks for culling fields, shared by the grid, the preview panel and the bar.
import type { ColorLabel, Flag } from '../../../../shared/dto';

export const FLAG_TEXT: Readonly<Record<Flag, string>> = {
  pick: 'Picked',
  reject: 'Rejected',
  none: 'Unflagged',
};

export const LABEL_TEXT: Readonly<Record<ColorLabel, string>> = {
  red: 'Red',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
};

/** Filled stars for a rating, nothing for 0. */
export function stars(rating: number): string {
  return '★'.repeat(Math.max(0, Math.min(5, Math.round(rating))));
}
