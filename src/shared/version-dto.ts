// Versions of an asset: what the list, replace, restore and compare methods return.

/**
 * How a version's bytes are kept: 'store', a full copy in the data folder's version store
 * (replaced or restored through Packshot); 'clone', a reflink clone taken at index time (it
 * shares blocks with the file until either changes); null, not kept (cannot be restored).
 */
export type VersionKept = 'store' | 'clone' | null;

export interface VersionEntry {
  /** 1 for the first content the asset had; a restore adds a new number, never reuses one. */
  n: number;
  hash: string;
  bytes: number;
  width: number | null;
  height: number | null;
  /** When Packshot first saw this content (ISO). */
  recordedAt: string;
  /** Derived media for this content are in the cache (keyed by hash, served by the media protocol). */
  thumbnail: boolean;
  preview: boolean;
  /** Its bytes are in the data folder's version store, so it can be restored. */
  restorable: boolean;
  kept: VersionKept;
  /** The content the file has now. */
  current: boolean;
}

export interface VersionList {
  id: number;
  path: string;
  versions: VersionEntry[];
  /** Whether this catalog's volume clones into the data folder for free (null: not probed yet). */
  clones: boolean | null;
}

/** What replace or restore did. */
export interface VersionChange extends VersionList {
  /** The version now current (the new number). */
  n: number;
  /** The content that was current before, now kept in the store. */
  kept: string;
}

/** One side of a comparison: the recorded facts, and what that content's own bytes say. */
export interface VersionSide extends VersionEntry {
  /** 'file': read from the current file; 'store': from the kept bytes; null: no bytes to read. */
  source: 'file' | 'store' | null;
  format: string | null;
  capturedAt: string | null;
  camera: string | null;
  /** The keywords embedded in that content (sidecar keywords are not versioned). */
  keywords: string[];
  title: string | null;
}

export interface VersionCompare {
  id: number;
  a: VersionSide;
  b: VersionSide;
  /** Pixel difference of a and b (both decoded to the same size), or why there is none. */
  diff: {
    /** PNG in the data folder's cache: |a − b| per channel, amplified. */
    path: string | null;
    /** Its media key (`diff/<key>` on the media protocol): both hashes, a's first. */
    key: string | null;
    width: number | null;
    height: number | null;
    /** Share of pixels whose largest channel difference exceeds 8 of 255. */
    changedShare: number | null;
    /** Mean absolute channel difference, 0–255. */
    meanDifference: number | null;
    reason: string | null;
  };
}
