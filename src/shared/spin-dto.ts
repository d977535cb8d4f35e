// 360° spins: one asset made of ordered frames, each frame an ordinary image asset.
import type { AssetState, EditResult } from './dto';

/** What a grid tile shows of the spin its cover frame stands for. */
export interface SpinBadge {
  id: number;
  name: string;
  frames: number;
  /** The first warning (a gap in the numbering, a frame gone), null when none. */
  warning: string | null;
}

export interface Spin {
  id: number;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  /** How it was made: null (a selection), `rule:TEMPLATE:KEY` or `folder:CATALOG:PATH`. */
  source: string | null;
  coverAssetId: number;
  frames: number;
  /** Gaps in the frame numbering, frames missing on disk: shown, nothing stops. */
  warnings: string[];
}

export interface SpinFrame {
  assetId: number;
  /** 0-based place in the spin. */
  position: number;
  /** The number in the file name, null when it has none. */
  number: number | null;
  name: string;
  hash: string | null;
  state: AssetState;
  width: number | null;
  height: number | null;
}

export interface SpinDetail extends Spin {
  frameList: SpinFrame[];
}

export type SpinEditResult = EditResult & { spin: Spin | null };

export type SpinExportFormat = 'frames' | 'sprite' | 'amazon';

export interface SpinExportResult {
  out: string;
  spins: number;
  written: number;
  unchanged: number;
  removed: number;
  /** Per spin, what could not be done (too few frames for Amazon, a frame unreadable). */
  warnings: string[];
}
