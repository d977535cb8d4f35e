// Loupe previews: rendered on first view, kept under a budget.
import { z } from 'zod';
import type { PreviewReady, WhiteBackgroundPreview } from '../dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const previewsMethods = lazyMethods(() => ({
  /** Renders (or finds cached) the ~2048 px loupe preview of an asset. */
  'previews.ensure': { args: z.object({ id }).strict(), result: type<PreviewReady>() },
  /**
   * The preview with its near-white studio backdrop made pure white (the white-background
   * render option's pass), for the loupe's before/after; made on first ask and cached.
   */
  'previews.whiteBackground': {
    args: z.object({ id, keepShadow: z.boolean().default(true) }).strict(),
    result: type<WhiteBackgroundPreview>(),
  },
}));
