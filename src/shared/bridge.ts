// What the preload script exposes to the page as `window.packshot`, and the IPC channel
// names behind it. The page never sees ipcRenderer itself.
import type { ErrorPayload } from './errors';

export type InvokeOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

export interface PreloadBridge {
  invoke(method: string, args: unknown): Promise<InvokeOutcome>;
  /** Subscribes to every engine event; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Opens the OS folder picker; null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** The path on disk of a file dropped from the OS file manager (Electron's webUtils). */
  pathForFile(file: File): string;
  /** Starts an OS drag of a registered asset's file out of the window, into another app. */
  startDrag(assetId: number): void;
}

export const IPC = {
  invoke: 'packshot:invoke',
  event: 'packshot:event',
  pickFolder: 'packshot:pick-folder',
  startDrag: 'packshot:start-drag',
} as const;

/** Custom protocol that serves cached thumbnails in the desktop app. */
export const MEDIA_SCHEME = 'packshot-media';

/**
 * `diff`: the pixel difference of two versions, keyed `<sha256 a>-<sha256 b>`. `page`: a
 * document's page painted on request, cached as `<sha256>-<page>-<width>` and asked for as
 * `page/<sha256>/<page>?w=<width>` (pageRequest below). `strip`: a video's hover scrub sprite
 * (SCRUB_FRAMES frames side by side), made on first ask. `model`: a registered glTF/GLB for
 * the loupe's 3D viewer, as one uncompressed GLB (the file itself when it is one already,
 * else packed by the engine on first ask and cached by content). `whitebg`: the loupe preview
 * with its near-white backdrop made white (previews.whiteBackground), keyed
 * `<sha256>-<1 shadow kept | 0 not>`.
 */
export type MediaKind = 'thumb' | 'preview' | 'diff' | 'strip' | 'page' | 'model' | 'whitebg';
/** The kinds served by key; a page has a request of its own shape (pageRequest below). */
export const MEDIA_KINDS: readonly MediaKind[] = [
  'thumb',
  'preview',
  'diff',
  'strip',
  'model',
  'whitebg',
];

/** What hosts serve under their media root: the cache, and a registered video's own file. */
export type ServedKind = MediaKind | 'video';
export const SERVED_KINDS: readonly ServedKind[] = [...MEDIA_KINDS, 'video'];

/** Frames in a video's scrub strip. */
export const SCRUB_FRAMES = 10;

/** Where media lives, relative to a host's media root: `thumb/<sha256>`. */
export function mediaPath(kind: ServedKind, key: string): string {
  return `${kind}/${key}`;
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;
const PAIR_PATTERN = /^[0-9a-f]{64}-[0-9a-f]{64}$/;
const PAGE_PATTERN = /^[0-9a-f]{64}-[1-9]\d{0,4}-[1-9]\d{1,3}$/;
const WHITE_BG_PATTERN = /^[0-9a-f]{64}-[01]$/;

/** The key a kind of media is named by: one content hash, or two for a diff. */
export function isMediaKey(kind: ServedKind, key: string): boolean {
  const pattern =
    kind === 'diff'
      ? PAIR_PATTERN
      : kind === 'page'
        ? PAGE_PATTERN
        : kind === 'whitebg'
          ? WHITE_BG_PATTERN
          : HASH_PATTERN;
  return pattern.test(key);
}

/** The white-background preview of a content, with its soft shadow kept or not. */
export function whiteBgKey(hash: string, keepShadow: boolean): string {
  return `${hash}-${keepShadow ? 1 : 0}`;
}

/** The diff of versions a and b (in that order) is named by both hashes. */
export function diffKey(a: string, b: string): string {
  return `${a}-${b}`;
}

/** Page images are 16 to 4096 pixels wide. */
export const PAGE_WIDTH = { min: 16, max: 4096 } as const;

export interface PageRequest {
  hash: string;
  /** 1-based. */
  page: number;
  width: number;
}

/** What follows `page/` in a page's media URL: `<sha256>/<page>?w=<width>`. */
export function pageRequestKey(r: PageRequest): string {
  return `${r.hash}/${r.page}?w=${r.width}`;
}

/** The cache key of a page image: `<sha256>-<page>-<width>`. */
export function pageCacheKey(r: PageRequest): string {
  return `${r.hash}-${r.page}-${r.width}`;
}

/**
 * A page request from a URL's path after `page/` (`<sha256>/<page>`) and its `w`
 * parameter; null for anything else (a page 0, a width out of range, a fraction).
 */
export function parsePageRequest(path: string, width: string | null): PageRequest | null {
  const m = /^([0-9a-f]{64})\/([1-9]\d{0,4})$/.exec(path);
  if (!m?.[1] || !m[2] || width === null || !/^[1-9]\d{1,3}$/.test(width)) return null;
  const w = Number(width);
  if (w < PAGE_WIDTH.min || w > PAGE_WIDTH.max) return null;
  return { hash: m[1], page: Number(m[2]), width: w };
}
