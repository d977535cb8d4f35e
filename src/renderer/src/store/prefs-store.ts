// Preferences that outlive the window: the thumbnail size, auto-advance after culling. Kept
// in localStorage (the renderer's own; the engine has no say in how the UI behaves).
import { createStore, type StoreApi } from 'zustand/vanilla';

export const THUMB_SIZE = { min: 96, max: 320, step: 8, initial: 168 } as const;

const THUMB_SIZE_KEY = 'packshot.thumbSize';
const AUTO_ADVANCE_KEY = 'packshot.autoAdvance';
const REVIEWER_KEY = 'packshot.reviewerConfirmed';

/** The part of Storage this needs; tests pass a Map-backed one. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface PrefsState {
  /** Smallest cell width in CSS pixels; the grid fits as many columns as this allows. */
  thumbSize: number;
  setThumbSize(size: number): void;
  /** After a rating or flag on one frame, move to the next (as Lightroom's Caps Lock). */
  autoAdvance: boolean;
  setAutoAdvance(on: boolean): void;
  /** The reviewer name the user confirmed in the Review view (asked once). */
  reviewerConfirmed: string | null;
  confirmReviewer(name: string): void;
}

export type PrefsStore = StoreApi<PrefsState>;

export function clampThumbSize(size: number): number {
  if (!Number.isFinite(size)) return THUMB_SIZE.initial;
  const stepped = Math.round(size / THUMB_SIZE.step) * THUMB_SIZE.step;
  return Math.min(THUMB_SIZE.max, Math.max(THUMB_SIZE.min, stepped));
}

export function createPrefsStore(storage: PrefsStorage | null): PrefsStore {
  const stored = read(storage, THUMB_SIZE_KEY);
  return createStore<PrefsState>()((set) => ({
    thumbSize: stored === null ? THUMB_SIZE.initial : clampThumbSize(Number(stored)),
    setThumbSize(size) {
      const thumbSize = clampThumbSize(size);
      set({ thumbSize });
      write(storage, THUMB_SIZE_KEY, String(thumbSize));
    },
    autoAdvance: read(storage, AUTO_ADVANCE_KEY) === 'true',
    setAutoAdvance(on) {
      set({ autoAdvance: on });
      write(storage, AUTO_ADVANCE_KEY, String(on));
    },
    reviewerConfirmed: read(storage, REVIEWER_KEY),
    confirmReviewer(name) {
      set({ reviewerConfirmed: name });
      write(storage, REVIEWER_KEY, name);
    },
  }));
}

/** The page's localStorage, or null where it is unavailable (storage disabled). */
export function browserStorage(): PrefsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

// Storage can throw (quota, privacy settings): a preference is not worth failing over.
function read(storage: PrefsStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: PrefsStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Kept for this session only.
  }
}
