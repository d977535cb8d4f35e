// The per-asset override form's model: '' means "as the preset says", so only what the
// user set is sent (and a preset's later change still reaches the rest).
import type { CropStrategy, FitMode, RenditionOverride } from '../../../../shared/export-dto';
import type { OverrideArgs } from '../../store/renditions-store';

export interface OverrideDraft {
  fit: FitMode | '';
  crop: CropStrategy | '';
  trim: '' | 'on' | 'off';
  background: string;
  quality: number | null;
  exclude: boolean;
}

export const EMPTY_OVERRIDE: OverrideDraft = {
  fit: '',
  crop: '',
  trim: '',
  background: '',
  quality: null,
  exclude: false,
};

export function draftOfOverride(o: RenditionOverride | undefined): OverrideDraft {
  if (o === undefined) return EMPTY_OVERRIDE;
  return {
    fit: o.fit ?? '',
    crop: o.crop ?? '',
    trim: o.trim === undefined ? '' : o.trim ? 'on' : 'off',
    background: o.background ?? '',
    quality: o.quality ?? null,
    exclude: o.exclude ?? false,
  };
}

export type OverrideCheck = { ok: true; args: OverrideArgs } | { ok: false; problem: string };

export function overrideArgs(
  assetId: number,
  presetId: string | null,
  d: OverrideDraft,
): OverrideCheck {
  const background = d.background.trim();
  if (background !== '' && !/^#[0-9a-fA-F]{6}$/.test(background))
    return { ok: false, problem: 'Background: a colour as #rrggbb, or empty for the preset’s.' };
  if (d.quality !== null && (!Number.isInteger(d.quality) || d.quality < 1 || d.quality > 100))
    return { ok: false, problem: 'Quality: a whole number from 1 to 100, or empty.' };
  return {
    ok: true,
    args: {
      assetId,
      presetId,
      ...(d.fit !== '' && { fit: d.fit }),
      ...(d.crop !== '' && { crop: d.crop }),
      ...(d.trim !== '' && { trim: d.trim === 'on' }),
      ...(background !== '' && { background }),
      ...(d.quality !== null && { quality: d.quality }),
      ...(d.exclude && { exclude: true }),
    },
  };
}

/** "fit cover · quality 70 · excluded", for the list of an asset's overrides. */
export function describeOverride(o: RenditionOverride): string {
  const parts: string[] = [];
  if (o.fit !== undefined) parts.push(`fit ${o.fit}`);
  if (o.crop !== undefined) parts.push(`crop ${o.crop}`);
  if (o.trim !== undefined) parts.push(o.trim ? 'trim' : 'no trim');
  if (o.background !== undefined) parts.push(`background ${o.background}`);
  if (o.quality !== undefined) parts.push(`quality ${o.quality}`);
  if (o.exclude === true) parts.push('excluded');
  return parts.length === 0 ? 'no changes' : parts.join(' · ');
}
