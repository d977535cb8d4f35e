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
 * `diff`: the pixel difference of two versions, keyed `<sha256 a>-<sha256 b>`; `model`: a
 * registered glTF/GLB for the loupe's 3D viewer, as one uncompressed GLB (the file itself
 * when it is one already, else packed by the engine on first ask and cached by content).
 */
export type MediaKind = 'thumb' | 'preview' | 'diff' | 'model';
export const MEDIA_KINDS: readonly MediaKind[] = ['thumb', 'preview', 'diff', 'model'];

/** Where media lives, relative to a host's media root: `thumb/<sha256>`. */
export function mediaPath(kind: MediaKind, key: string): string {
  return `${kind}/${key}`;
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;
const PAIR_PATTERN = /^[0-9a-f]{64}-[0-9a-f]{64}$/;

/** The key a kind of media is named by: one content hash, or two for a diff. */
export function isMediaKey(kind: MediaKind, key: string): boolean {
  return (kind === 'diff' ? PAIR_PATTERN : HASH_PATTERN).test(key);
}

/** The diff of versions a and b (in that order) is named by both hashes. */
export function diffKey(a: string, b: string): string {
  return `${a}-${b}`;
}
