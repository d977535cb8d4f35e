// Channel presets: the built-in ones and the user's copies and edits.
import { z } from 'zod';
import { type ChannelPreset } from '../export-dto';
import { type } from '../phantom-type';
import { presetBodySchema, presetId } from '../preset-schema';
import { empty } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const presetsMethods = lazyMethods(() => ({
  /** Every preset, built-in (with the user's edits) and the user's own, by name. */
  'presets.list': { args: empty, result: type<ChannelPreset[]>() },
  'presets.get': { args: z.object({ id: presetId }).strict(), result: type<ChannelPreset>() },
  /**
   * Creates a preset (a new id) or edits one (bumps its version). Editing a built-in preset
   * keeps the edit beside it; presets.delete on it goes back to the shipped one.
   */
  'presets.save': {
    args: z.object({ id: presetId, preset: presetBodySchema }).strict(),
    result: type<ChannelPreset>(),
  },
  /** A user's copy of any preset, under a new id (default: '<id>-copy', '-copy-2'…). */
  'presets.copy': {
    args: z
      .object({
        id: presetId,
        newId: presetId.optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    result: type<ChannelPreset>(),
  },
  /** Removes a user's preset, or a user's edit of a built-in one (the built-in stays). */
  'presets.delete': {
    args: z.object({ id: presetId }).strict(),
    result: type<{ removed: boolean }>(),
  },
}));
