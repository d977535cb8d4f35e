// What the offline models found in an image, as the UI, the CLI (`assets --json`) and the
// HTTP bridge see it. Boxes are fractions (0..1) of the image as shown, top-left origin.

/** The analyses a run can do; `embedding` needs a model the user brings. */
export const AI_TASKS = ['objects', 'faces', 'text', 'embedding'] as const;
export type AiTask = (typeof AI_TASKS)[number];

export const SUGGESTION_STATES = ['pending', 'accepted', 'rejected'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** Suggested tags live under this root until accepted: `AI|Object|Cup`, `AI|Text|Sale`. */
export const AI_TAG_ROOT = 'AI';

/** The confidence below which suggestions are not shown (preferences; `analyses.configure`). */
export const DEFAULT_AI_THRESHOLD = 0.4;

/** A `person` from the object detector counts as someone in the frame from this on. */
export const PERSON_CONFIDENCE = 0.5;

export interface AiBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface AiObject extends AiBox {
  /** A COCO class, lower case: 'cup', 'wine glass', 'person'. */
  label: string;
  confidence: number;
}

export interface AiFace extends AiBox {
  id: number;
  confidence: number;
  /** The "same person" group, when the face is in one. */
  groupId: number | null;
  groupName: string | null;
}

export interface AiWord extends AiBox {
  text: string;
  confidence: number;
}

export interface AiText {
  /** What OCR read, lines joined with newlines (only words it was sure of). */
  text: string;
  words: AiWord[];
}

export interface AiSuggestion {
  tagPath: string;
  source: 'objects' | 'faces' | 'text';
  confidence: number;
  state: SuggestionState;
}

export interface AiLinkSuggestion {
  productId: number;
  sku: string;
  productName: string;
  /** The text in the image that matched the SKU. */
  matched: string;
  state: SuggestionState;
}

/** One analysis's outcome for this asset's current content. */
export interface AiRunInfo {
  task: AiTask;
  model: string;
  ranAt: number;
  /** Set when the model could not read this file; the other tasks still ran. */
  error: string | null;
  /** False when the file changed (or the model did) since: a run will do it again. */
  current: boolean;
}

/** Everything the models found in one asset (`ai.asset`, `assets --json` as `ai`). */
export interface AssetAi {
  assetId: number;
  objects: AiObject[];
  faces: AiFace[];
  /** Faces plus people the object detector saw (a body with its back turned). */
  people: number;
  text: AiText | null;
  suggestions: AiSuggestion[];
  links: AiLinkSuggestion[];
  hasEmbedding: boolean;
  runs: AiRunInfo[];
}

export interface FaceGroup {
  id: number;
  name: string | null;
  faces: number;
  assets: number;
  /** A face to show for the group (its most confident). */
  coverFaceId: number;
  coverAssetId: number;
  /** The cover face's box in its asset (0..1): the UI crops the asset's thumbnail to it. */
  coverBox: AiBox;
  releaseIds: number[];
}

/** What each model is and whether it is here. */
export interface AiModelInfo {
  task: AiTask;
  name: string;
  licence: string;
  available: boolean;
  /** Why not, when not: e.g. "no CLIP model in <data>/models/clip". */
  reason: string | null;
}

export interface AiStatus {
  models: AiModelInfo[];
  threshold: number;
  paused: boolean;
  /** The running or queued AI job, when there is one. */
  jobId: number | null;
  /** Assets whose current content still lacks a run of some available task. */
  pending: number;
  analysed: number;
}
