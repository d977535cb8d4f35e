// Loupe previews: rendered on first view, kept under a budget.
import { z } from 'zod';
import type { PreviewReady } from '../dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';

export const previewsMethods = {
  /** Renders (or finds cached) the ~2048 px loupe preview of an asset. */
  'previews.ensure': { args: z.object({ id }).strict(), result: type<PreviewReady>() },
} as const;
