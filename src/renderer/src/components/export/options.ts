// Labels for the contract's enums, as the export views show them.
import {
  CROP_STRATEGIES,
  FIT_MODES,
  METADATA_POLICIES,
  OUTPUT_FORMATS,
  WHITE_BACKGROUND_MODES,
  type CropStrategy,
  type FitMode,
  type MetadataPolicy,
  type OutputFormat,
  type WhiteBackgroundMode,
} from '../../../../shared/export-dto';

const FIT_LABELS: Record<FitMode, string> = {
  inside: 'Inside (keep aspect)',
  cover: 'Cover (crop to fill)',
  contain: 'Contain (pad with background)',
};
const CROP_LABELS: Record<CropStrategy, string> = {
  attention: 'Attention (salient area)',
  entropy: 'Entropy (busiest area)',
  centre: 'Centre',
};
const METADATA_LABELS: Record<MetadataPolicy, string> = {
  strip: 'Strip all (keep sRGB profile)',
  copyright: 'Keep creator, copyright and AI disclosure',
  all: 'Keep everything',
};
const FORMAT_LABELS: Record<OutputFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
};

const WHITE_BACKGROUND_LABELS: Record<WhiteBackgroundMode, string> = {
  off: 'Off',
  auto: 'Auto (near-white studio backdrops)',
  always: 'Always',
};

export const whiteBackgroundOptions = WHITE_BACKGROUND_MODES.map((value) => ({
  value,
  label: WHITE_BACKGROUND_LABELS[value],
}));
export const fitOptions = FIT_MODES.map((value) => ({ value, label: FIT_LABELS[value] }));
export const cropOptions = CROP_STRATEGIES.map((value) => ({ value, label: CROP_LABELS[value] }));
export const metadataOptions = METADATA_POLICIES.map((value) => ({
  value,
  label: METADATA_LABELS[value],
}));
export const formatOptions = OUTPUT_FORMATS.map((value) => ({
  value,
  label: FORMAT_LABELS[value],
}));
