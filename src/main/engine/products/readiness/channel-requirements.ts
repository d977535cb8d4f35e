// What a product needs before it can be listed on a channel: the image minimums of the
// channel's export presets (one source: export checks the same rules) plus readiness policy.
import type { PresetBody } from '../../../../shared/export-dto';
import type { RequiredMedia } from '../../../../shared/product-dto';
import { builtInPresets } from '../../repositories/built-in-presets';
import { MANUAL_TYPES, policyFor } from './channel-policy';

export interface ChannelRequirements {
  label: string;
  /** The main image's longest side must be at least this (px), or null when no preset says. */
  minLongSide: number | null;
  /** Or each side at least this (px). */
  minWidth: number | null;
  minHeight: number | null;
  /** Images in the gallery (beside the main one). */
  minGallery: number;
  /** Product types (words matched in the product's type) that need a manual or datasheet. */
  manualFor: readonly string[];
  /** Media the channel's presets require beside photos (rules.requires), in their roles. */
  requires: RequiredMedia[];
}

/** A preset's body by id, as export would use it (the user's edit of a built-in one). */
export type PresetLookup = (id: string) => PresetBody | undefined;

export const builtInPresetOf: PresetLookup = (id) =>
  builtInPresets().find((p) => p.id === id)?.body;

/**
 * The requirements of a channel id. The main image must pass every mapped preset that
 * exports the main role, so each minimum is the largest of theirs (lower bounds combine
 * exactly by max).
 */
export function requirementsFor(
  channel: string,
  presetOf: PresetLookup = builtInPresetOf,
): ChannelRequirements {
  const { label, presetIds, minGallery } = policyFor(channel);
  const presets = presetIds.map(presetOf).filter((p): p is PresetBody => p !== undefined);
  const rules = presets.filter((p) => p.roles.includes('main')).map((p) => p.rules);
  // What any of the channel's presets requires, whatever roles it exports.
  const requires = [...new Set(presets.flatMap((p) => p.rules.requires ?? []))];
  const most = (pick: (r: PresetBody['rules']) => number | null): number | null =>
    rules.reduce<number | null>((m, r) => {
      const v = pick(r);
      return v === null ? m : Math.max(m ?? v, v);
    }, null);
  return {
    label,
    minLongSide: most((r) => r.minLongSide),
    minWidth: most((r) => r.minWidth),
    minHeight: most((r) => r.minHeight),
    minGallery,
    manualFor: MANUAL_TYPES,
    requires,
  };
}
