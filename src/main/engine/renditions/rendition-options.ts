// A URL's transform as the export engine's RenderOptions: from plain defaults, or from a
// preset's first image rendition with the asset's overrides and focal point (as its pack
// renders it), with what the URL gives set over it.
import type {
  ChannelPreset,
  FitMode,
  OutputFormat,
  RenditionOverride,
} from '../../../shared/export-dto';
import {
  TRANSFORM_DEFAULTS,
  type CropMode,
  type Transform,
} from '../../../shared/transform-grammar';
import {
  renderOptions,
  whiteBackgroundFor,
  type RenderOptions,
} from '../tools/render/render-options';

const FITS: Record<CropMode, FitMode> = { fill: 'cover', fit: 'inside', pad: 'contain' };

export function renditionOptions(
  t: Transform,
  format: OutputFormat,
  preset: ChannelPreset | null,
  focus: { x: number; y: number } | null,
  overrides: readonly RenditionOverride[],
): RenderOptions | { error: string } {
  if (t.background === 'transparent')
    return { error: 'b_transparent is not rendered: renditions are flattened onto a colour' };
  let o: RenderOptions;
  if (preset) {
    const first = preset.renditions[0];
    if (!first) return { error: `preset '${preset.id}' has no image rendition` };
    const mine = overrides.filter((v) => v.presetId === null || v.presetId === preset.id);
    o = renderOptions(first, preset.metadata, preset.rules.minBytes, focus, mine);
    // The asset's white_bg is not read here: 'always' applies, 'auto' does not.
    const whiteBackground = whiteBackgroundFor(first, null);
    if (whiteBackground) o.whiteBackground = whiteBackground;
  } else {
    o = {
      width: null,
      height: null,
      fit: FITS[TRANSFORM_DEFAULTS.crop],
      crop: 'attention',
      withoutEnlargement: true,
      trim: false,
      trimThreshold: 10,
      productFill: null,
      background: TRANSFORM_DEFAULTS.background,
      format,
      quality: TRANSFORM_DEFAULTS.quality,
      progressive: false,
      maxBytes: null,
      minQuality: TRANSFORM_DEFAULTS.quality,
      metadata: 'strip',
      minBytes: null,
      focus: null,
    };
  }
  o.format = format;
  // A size given replaces the preset's box: both sides, the other left free.
  if (t.width !== null || t.height !== null) {
    o.width = t.width;
    o.height = t.height;
  }
  if (t.crop !== null) o.fit = FITS[t.crop];
  // Gravity: g_auto smart-crops (attention), g_center the middle, g_focal the asset's focal
  // point (attention when it has none). Without g_ a preset keeps its crop and focal point.
  const gravity = t.gravity ?? (preset ? null : TRANSFORM_DEFAULTS.gravity);
  if (gravity === 'auto') Object.assign(o, { crop: 'attention', focus: null });
  if (gravity === 'center') Object.assign(o, { crop: 'centre', focus: null });
  if (gravity === 'focal') Object.assign(o, { crop: 'attention', focus });
  if (t.background !== null) o.background = t.background;
  if (t.quality !== null) {
    o.quality = t.quality;
    o.minQuality = Math.min(o.minQuality, t.quality);
  }
  if (o.width === null || o.height === null) o.fit = 'inside';
  return o;
}
