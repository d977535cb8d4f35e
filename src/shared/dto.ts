// Data that crosses the contract. Plain data only: numbers, strings, arrays, objects.
import type { MediaFacts } from './media-facts';
import type { ApprovalState, RightsClaims } from './rights-dto';
import type { SpinBadge } from './spin-dto';

export interface AppInfo {
  version: string;
  dataDir: string;
}

/** How a catalog folder is watched: native events, polling (the OS watch limit was reached), or not yet. */
export type WatchMode = 'native' | 'polling' | 'off';

export interface Catalog {
  id: number;
  path: string;
  name: string;
  addedAt: string;
  assetCount: number;
  errorCount: number;
  /** False while the folder cannot be reached (an unplugged drive): its assets are offline. */
  online: boolean;
  watch: WatchMode;
  /** Glob patterns (relative to the catalog) that are never indexed. */
  ignore: string[];
  /** Where edits are written for other tools: nowhere, XMP sidecars, or into the file. */
  xmp: XmpMode;
  /** Sidecar naming: `name.xmp` (Adobe) or `name.ext.xmp` (darktable, digiKam). */
  xmpNaming: XmpNaming;
}

export type XmpMode = 'off' | 'sidecar' | 'embedded';
export type XmpNaming = 'adobe' | 'extension';

/** A folder inside a catalog with the number of assets directly and below it. */
export interface FolderNode {
  catalogId: number;
  /** Relative to the catalog, '/' separated; '' is the catalog itself. */
  path: string;
  count: number;
}

/**
 * pending: listed, not yet read; ok: indexed; error: could not be read or decoded (see
 * `error`); missing: the file is gone from disk, kept with everything attached to it;
 * offline: its catalog's folder cannot be reached right now.
 */
export type AssetState = 'pending' | 'ok' | 'error' | 'missing' | 'offline';

/** What sort of file: decides how it is read and which icon it gets without a thumbnail. */
/** 'spin': a 360° spin's cover frame, standing for the spin (its file is an image). */
export type AssetKind =
  'image' | 'raw' | 'vector' | 'video' | 'document' | 'model' | 'spin' | 'other';
export type ThumbState = 'pending' | 'ready' | 'error' | 'none';

export interface Asset {
  id: number;
  catalogId: number;
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the catalog folder, with '/' separators. */
  relPath: string;
  name: string;
  format: string | null;
  width: number | null;
  height: number | null;
  bytes: number;
  mtimeMs: number;
  /** sha256 of the file's bytes, hex; null until indexed. */
  hash: string | null;
  state: AssetState;
  error: string | null;
  thumb: ThumbState;
  kind: AssetKind;
  /** Folder relative to the catalog ('' for its root). */
  folder: string;
  /** EXIF orientation 1–8, null when the file has none. */
  orientation: number | null;
  /** Width and height as shown, after orientation. */
  displayWidth: number | null;
  displayHeight: number | null;
  /** Capture date from EXIF/XMP, ISO 8601 as recorded (no time zone invented). */
  capturedAt: string | null;
  camera: string | null;
  /** Tag paths; absent from a list asked without them (`assets.list` keywords: false). */
  keywords?: string[];
  /** The first asset with the same content, when this one is a copy. */
  duplicateOf: number | null;
  /** Contents this asset has had at its path: 1 for a file never changed, 0 until one is read. */
  versions: number;
  /** ThumbHash (base64) painted until the thumbnail arrives. */
  placeholder: string | null;
  /** A limitation that is not an error, e.g. no decoder for the format here. */
  notice: string | null;
  /** When Packshot first saw it, ISO 8601. */
  addedAt: string;
  /** 0 (unrated) to 5 stars. */
  rating: number;
  flag: Flag;
  label: ColorLabel | null;
  analysis: Analysis | null;
  /** Near-duplicate group (the lowest id in it), null when it has none. */
  similarGroup: number | null;
  /** Why the name breaks its catalog's naming convention (intake rules); null when fine. */
  violation?: string | null;
  /** The grid's rights badge for today, any channel (null: no licence held). */
  rightsFlag?: RightsFlag | null;
  /** Approval of the current content (draft until decided). */
  approval?: ApprovalState;
  /** A video's play time (the grid's badge); absent for other kinds and unread videos. */
  durationMs?: number;
  /** Set on a spin's cover frame (kind 'spin'): the spin the tile stands for. */
  spin?: SpinBadge;
  /** Rich media's facts: only in a list asked with them (`assets.list` facts: true). */
  facts?: MediaFacts | null;
}

/** block: a licence ended or not started; warn: one ends within its window; ok: licensed. */
export type RightsFlag = 'block' | 'warn' | 'ok';

export interface AssetMetadata {
  capturedAt: string | null;
  make: string | null;
  model: string | null;
  lens: string | null;
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  focalLength: number | null;
  gps: { latitude: number; longitude: number; altitude: number | null } | null;
  orientation: number | null;
  title: string | null;
  description: string | null;
  keywords: string[];
  /** Lightroom's lr:hierarchicalSubject, levels joined by '|'. */
  hierarchicalKeywords: string[];
  creator: string | null;
  copyright: string | null;
  usageTerms: string | null;
  /** The file's own rights claims (xmpRights, PLUS, IPTC); null when it makes none. */
  rightsClaims: RightsClaims | null;
  rating: number | null;
  label: string | null;
  colorSpace: string | null;
  iccProfile: string | null;
  bitDepth: number | null;
  hasAlpha: boolean | null;
  /** Sidecar files merged in, relative to the catalog. */
  sidecars: string[];
}

export interface AssetVersion {
  hash: string;
  bytes: number;
  width: number | null;
  height: number | null;
  recordedAt: string;
}

export interface AssetDetail extends Asset {
  keywords: string[];
  metadata: AssetMetadata | null;
  /** The file's own rights claims as last indexed (README "Rights"). */
  rightsClaims: RightsClaims | null;
  history: AssetVersion[];
  /** Video, document, model and spin facts (README "Rich media"); null for photos. */
  facts: MediaFacts | null;
}

export interface Analysis {
  /** Dominant colours, most common first, with a palette name to search by. */
  colors: { hex: string; name: string; share: number }[];
  /** Share of near-white border pixels (0–1). */
  whiteBackground: number;
  /** Bounding box of what is not background, against the frame (0–1). */
  fill: number;
  /** Variance of the Laplacian: compare within a shoot, higher is sharper. */
  sharpness: number;
}

/** Near-duplicates (a burst, retakes) and the frame Packshot would keep. */
export interface SimilarGroup {
  group: number;
  ids: number[];
  best: number;
}

export interface Tag {
  id: number;
  /** 0 for a top-level tag. */
  parentId: number;
  name: string;
  /** Levels joined by '|', as Lightroom writes them: 'Product|Shoes|Sneakers'. */
  path: string;
  /** Assets tagged with this tag itself (not counting its children). */
  count: number;
}

export type Flag = 'none' | 'pick' | 'reject';
export const LABELS = ['red', 'yellow', 'green', 'blue', 'purple'] as const;
export type ColorLabel = (typeof LABELS)[number];

/** One undoable step: what it did and whether there is more to undo or redo. */
export interface EditResult {
  changed: number;
  step: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** The durable undo history as menus show it: what Undo and Redo would do now. */
export interface EditState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export type AssetSort = 'name' | 'captured' | 'added' | 'size';
/** unlinked: assets linked to no product. */
export type AssetFilter = 'all' | 'missing' | 'errors' | 'duplicates' | 'offline' | 'unlinked';

export interface AssetPage {
  total: number;
  offset: number;
  items: Asset[];
}

export interface JobProgress {
  /** Files waiting or being read, hashed and thumbnailed. */
  running: boolean;
  done: number;
  total: number;
  errors: number;
  /** Files per second over the current run. */
  rate: number;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
}

export interface ScanSummary {
  assets: number;
  errors: number;
  seconds: number;
  /** Thumbnails rendered since the engine started (0 after a restart over unchanged files). */
  rendered: number;
}

export interface ThumbReady {
  id: number;
  hash: string | null;
  thumb: ThumbState;
  state: AssetState;
  error: string | null;
}

export interface PlaceholderReady {
  id: number;
  /** ThumbHash, base64. */
  placeholder: string;
}

/** The loupe's before/after of a near-white studio backdrop made white. */
export interface WhiteBackgroundPreview {
  id: number;
  /** Media key to ask the host for (kind 'whitebg'); null when there is nothing to show. */
  key: string | null;
  /** Why not: no preview, the backdrop is not near-white, or already pure white. */
  reason: string | null;
  /** Share of the border found to be backdrop (null when served from the cache). */
  borderShare: number | null;
}

export interface PreviewReady {
  id: number;
  /** Content hash to ask the media host for (kind 'preview'); null when none can be made. */
  hash: string | null;
  reason: string | null;
}
