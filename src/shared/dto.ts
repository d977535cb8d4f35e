// Data that crosses the contract. Plain data only: numbers, strings, arrays, objects.

export interface AppInfo {
  version: string;
  dataDir: string;
}

export interface Catalog {
  id: number;
  path: string;
  name: string;
  addedAt: string;
  assetCount: number;
  errorCount: number;
}

/**
 * pending: listed, not yet read; ok: indexed; error: could not be read or decoded (see
 * `error`); missing: the file is gone from disk, kept with everything attached to it.
 */
export type AssetState = 'pending' | 'ok' | 'error' | 'missing';
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
}

export type AssetSort = 'name' | 'size' | 'added';

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
}

export interface ThumbReady {
  id: number;
  hash: string | null;
  thumb: ThumbState;
}
