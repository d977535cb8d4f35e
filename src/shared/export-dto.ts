// Channel packs: presets, renditions, pre-flight reports and export jobs, as they cross the
// contract. The zod schema for a preset body is in preset-schema.ts.
import type { MediaRole, RequiredMedia } from './product-dto';
import type { Medium } from './rights-dto';
import type { VideoRules } from './video-rules';
export type { VideoRules, VideoTranscode } from './video-rules';
import type { DocumentRules } from './document-rules';
export type { DocumentRules, DocumentFormat } from './document-rules';
import type { HeadlessRules } from './headless-rules';
export type { HeadlessRules } from './headless-rules';

export const OUTPUT_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * inside: scale down to fit the box, keep the aspect; cover: fill the box, crop the excess;
 * contain: fit inside the box and pad the rest with the background colour.
 */
export const FIT_MODES = ['inside', 'cover', 'contain'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/** How `cover` picks its crop when the asset has no focal point (sharp's strategies). */
export const CROP_STRATEGIES = ['attention', 'entropy', 'centre'] as const;
export type CropStrategy = (typeof CROP_STRATEGIES)[number];

/**
 * A studio shot's near-white backdrop made pure white at render: never, where the index
 * found most of the border near-white ('auto'), or for every source ('always').
 */
export const WHITE_BACKGROUND_MODES = ['off', 'auto', 'always'] as const;
export type WhiteBackgroundMode = (typeof WHITE_BACKGROUND_MODES)[number];

/**
 * strip: no metadata but the sRGB profile; copyright: creator, copyright and the IPTC
 * digital source type (AI disclosure) are kept; all: every EXIF/XMP/IPTC field is kept.
 */
export const METADATA_POLICIES = ['strip', 'copyright', 'all'] as const;
export type MetadataPolicy = (typeof METADATA_POLICIES)[number];

/** What export does with an image that fails pre-flight: leave it out, or write it and warn. */
export const FAILURE_POLICIES = ['skip', 'warn'] as const;
export type FailurePolicy = (typeof FAILURE_POLICIES)[number];

export type CheckLevel = 'pass' | 'warn' | 'fail';

/** One output file made from each source image. A preset has one or more (web: srcset). */
export interface Rendition {
  /** Tells several renditions of one image apart in names ({key}); '' when there is one. */
  key: string;
  /** The box in pixels; null leaves that side free. */
  width: number | null;
  height: number | null;
  fit: FitMode;
  crop: CropStrategy;
  /** Never scale up a small source (the channel's minimum is a pre-flight check). */
  withoutEnlargement: boolean;
  /** Trim near-white margins first (threshold 0–255 from the background colour). */
  trim: boolean;
  trimThreshold: number;
  /** After trimming, pad so the product's longer side fills this share of the frame (0.85). */
  productFill: number | null;
  /** Transparency is flattened onto it, and padding uses it: '#rrggbb'. */
  background: string;
  /** Make a near-white backdrop pure white (absent: 'off'); keepShadow keeps a soft shadow. */
  whiteBackground?: WhiteBackgroundMode;
  keepShadow?: boolean;
  format: OutputFormat;
  /** 1–100; the starting quality when maxBytes has to be met. */
  quality: number;
  /** Progressive JPEG, interlaced PNG (ignored for WebP and AVIF). */
  progressive: boolean;
  /** The largest file allowed; the quality is searched down to minQuality to meet it. */
  maxBytes: number | null;
  minQuality: number;
}

/** A channel's published rules; pre-flight checks sources and planned renditions against them. */
export interface ChannelRules {
  /** Fail below these (the source, since renditions never scale up). */
  minWidth: number | null;
  minHeight: number | null;
  minLongSide: number | null;
  /** Warn below this longest side (zoom, recommended size). */
  recommendedLongSide: number | null;
  maxWidth: number | null;
  maxHeight: number | null;
  maxLongSide: number | null;
  maxMegapixels: number | null;
  /** Width / height allowed for the output; null: any. */
  minAspect: number | null;
  maxAspect: number | null;
  formats: OutputFormat[];
  minBytes: number | null;
  maxBytes: number | null;
  /** Main image only: minimum white-background score of the source (0–1). */
  mainWhiteBackground: number | null;
  /** Main image only: product fill of the source, as a share of the frame (0–1). */
  mainMinFill: number | null;
  mainMaxFill: number | null;
  /** Variance of the Laplacian below which the source is called blurry (warn). */
  minSharpness: number | null;
  /** Images a product may carry on this channel; the rest are left out with a warning. */
  maxImages: number | null;
  /**
   * Media a product must have linked for this channel beside its photos (a video, a 3D
   * model, a manual), each of its kind in its own role: pre-flight and readiness fail without.
   */
  requires?: RequiredMedia[];
}

/** 3D model files a preset writes: the GLB, and a USDZ beside it for iOS AR Quick Look. */
export const MODEL_FORMATS = ['glb', 'usdz'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];

/** Geometry compression tried when a GLB is over its size target (USDZ carries none). */
export const MODEL_COMPRESSIONS = ['draco', 'meshopt', 'none'] as const;
export type ModelCompression = (typeof MODEL_COMPRESSIONS)[number];

/** A channel's rules for 3D models linked in role 'model' (preset section `model`). */
export interface ModelRules {
  formats: ModelFormat[];
  /** The channel refuses a file over this (each of GLB and USDZ). */
  maxBytes: number | null;
  /** Optimised (compression, then smaller textures) until the GLB is at most this. */
  targetBytes: number | null;
  /** A hard budget: a model over it is simplified down to it on export. */
  maxTriangles: number | null;
  /** Advice: a model over it gets a warning only. */
  recommendedTriangles: number | null;
  /** Longest side of any texture, px: larger ones are resized on export. */
  maxTextureSize: number | null;
  /** Textures resized down to powers of two on export. */
  texturePowerOfTwo: boolean;
  compression: ModelCompression;
  /** Where each figure comes from and when it was checked. */
  notes: string;
}

/** Where a preset's rules come from, and when they were last checked against it. */
export interface PresetSource {
  title: string;
  url: string | null;
  /** YYYY-MM-DD. */
  checked: string;
}

/** Names and folders, as templates: {sku} {name} {position} {position:2} {role} {channel}
 * {preset} {key} {width} {height} {ext} {parent} {asset} {attr.X} {variant.X}. */
export interface PresetNaming {
  /** Folder inside the pack, '/'-separated, e.g. '{channel}/{sku}'; '' for the pack's root. */
  folder: string;
  /** File name including the extension, e.g. '{sku}-{position}.{ext}'. */
  file: string;
}

/** What a user can set on a preset (presets.save takes it). */
export interface PresetBody {
  name: string;
  /** The sales channel it is for: amazon, shopify, google, ebay, etsy, bol, zalando, instagram, woocommerce, web… */
  channel: string;
  /** The link roles it exports, in this order (amazon-main: main; amazon-additional: the rest). */
  roles: MediaRole[];
  renditions: Rendition[];
  rules: ChannelRules;
  naming: PresetNaming;
  metadata: MetadataPolicy;
  source: PresetSource;
  notes: string;
  /** The rights check blocks images not approved for their current content. */
  requireApproval: boolean;
  /** The rights check blocks images with no licence recorded (otherwise it warns). */
  requireLicence: boolean;
  /** The medium licences are checked against; null: the channel's usual one (channel-medium.ts). */
  medium: Medium | null;
  /**
   * Where the channel's images are seen (ISO 3166-1 alpha-2): the rights check tests each
   * licence's territory rule against every one; absent or null: no territory is checked
   * (unless `--territory` names one).
   */
  territories?: string[] | null;
  /** How the channel takes video (role 'video' links); absent or null: no video exported. */
  video?: VideoRules | null;
  /** Rules for 3D models in role 'model'; absent or null: the preset exports no models. */
  model?: ModelRules | null;
  /** How the channel takes manuals (role 'document' PDFs, copied as they are); absent or
   *  null: no manual exported. */
  document?: DocumentRules | null;
  /** Writes a static headless pack (media/, products/, index.json, _headers) rather than a
   *  channel's folder; absent or null: a channel pack (README "Static headless pack"). */
  headless?: HeadlessRules | null;
}

export interface ChannelPreset extends PresetBody {
  /** Lower-case slug: amazon-main, shopify, my-shop-square… */
  id: string;
  /** Shipped with Packshot (resources/presets); a user's edit of it is `modified`. */
  builtIn: boolean;
  modified: boolean;
  /** Bumped by every saved change; recorded in each pack's manifest. */
  version: number;
  /** The preset it was copied from, if any. */
  basedOn: string | null;
  updatedAt: string | null;
}

/** Per asset (and optionally per preset) changes to how renditions are made. */
export interface RenditionOverride {
  assetId: number;
  /** null: every preset. */
  presetId: string | null;
  fit?: FitMode;
  crop?: CropStrategy;
  trim?: boolean;
  productFill?: number | null;
  background?: string;
  quality?: number;
  /** Leave this asset out of this preset's pack. */
  exclude?: boolean;
}

/** The point that `cover` crops keep in view, set in the loupe; 0–1 from the top left. */
export interface FocalPoint {
  assetId: number;
  x: number;
  y: number;
}

export interface CheckResult {
  /** The check's id in the registry: min-size, aspect, format, white-background… */
  check: string;
  level: CheckLevel;
  reason: string;
}

/** One product × preset × image (assetId null: a check on the product as a whole). */
export interface PreflightItem {
  productId: number;
  sku: string;
  presetId: string;
  channel: string;
  assetId: number | null;
  assetName: string | null;
  role: MediaRole | null;
  /** 1-based among the images this preset exports for the product. */
  position: number | null;
  /** The worst of its checks. */
  level: CheckLevel;
  checks: CheckResult[];
}

export interface PreflightReport {
  presets: string[];
  products: number;
  /** Images (items with an asset) by level. */
  totals: Record<CheckLevel, number>;
  items: PreflightItem[];
}

export type ExportState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ExportProgress {
  jobId: string;
  state: ExportState;
  /** Renditions settled (rendered, unchanged or failed) of `total`. */
  done: number;
  total: number;
  rendered: number;
  unchanged: number;
  failed: number;
  /** Renditions per second over this run. */
  rate: number;
  etaSeconds: number | null;
  /** The file being written, relative to the pack. */
  current: string | null;
}

export interface ExportError {
  sku: string;
  presetId: string;
  assetId: number | null;
  file: string | null;
  reason: string;
}

export interface ExportSummary {
  jobId: string;
  out: string;
  dryRun: boolean;
  state: ExportState;
  presets: string[];
  products: number;
  /** Renditions in the plan. */
  planned: number;
  /** Written by this run (a dry run: would be). */
  rendered: number;
  /** Already in the pack from an earlier run with the same input, preset and options. */
  unchanged: number;
  /** Left out by pre-flight (failures: 'skip'). */
  skipped: number;
  /** Written although pre-flight failed them (failures: 'warn'). */
  warned: number;
  failed: number;
  /** Files of earlier runs of this pack that no longer belong (a dry run: would be). */
  removed: number;
  bytesWritten: number;
  seconds: number;
  /** manifest.json, relative to the pack. */
  manifest: string;
  /** Shopify-style image CSVs written, relative to the pack. */
  csv: string[];
  errors: ExportError[];
  /** A dry run's first files, relative to the pack (up to 1000). */
  files: string[];
}

export interface ExportJob {
  jobId: string;
  progress: ExportProgress;
  /** Set when the job has ended. */
  summary: ExportSummary | null;
}

/** One line of a pack's manifest.json. */
export interface ManifestFile {
  file: string;
  productId: number;
  sku: string;
  channel: string;
  presetId: string;
  presetVersion: number;
  role: MediaRole;
  position: number;
  key: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  sourceAssetId: number;
  sourceHash: string;
  /** Hash of the source hash and every option that shapes the output. */
  renderKey: string;
  /** Pre-flight warnings or failures it was written with. */
  warnings: string[];
  /** Absent: an image rendition. A video (copied or transcoded) or the poster beside it; a
   *  manual (a PDF copied as it is: width and height are 0). */
  kind?: 'video' | 'poster' | 'document';
  /** Document: its page count as indexed (null when a password hides it). */
  pages?: number | null;
  /** Video: play time in milliseconds (from the library's facts; a transcode keeps it). */
  durationMs?: number;
  /** Video: the video and audio codecs of the file written (ffprobe's names). */
  codec?: string;
  audioCodec?: string | null;
  /** A 3D model (GLB or USDZ): its triangles (width and height are 0). */
  triangles?: number;
}

export interface PackManifest {
  packshot: 1;
  updatedAt: string;
  files: ManifestFile[];
  /** The last run's errors: images left out (a rights block, with its reasons) or failed. */
  errors?: ExportError[];
}
