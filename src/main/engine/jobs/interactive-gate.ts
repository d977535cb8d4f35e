// Background work yields to a person browsing: while the grid's thumbnails (and other media a
// view shows) keep being asked for, the AI job and the backfills wait before their next item,
// as Lightroom and Immich back off while you scroll. On a machine with few cores their work
// (a decode, an exiftool read, a transaction) otherwise takes the core the page's next frame
// was waiting for. A hold ends QUIET_MS after the last request; however long the browsing,
// one item gets through after MAX_HOLD_MS of holding, so background work is slowed but never
// starved.

/** How long after the last interactive request background work stays held. */
export const QUIET_MS = 1000;
/** The longest hold in a row: then one item goes through and the hold starts again. */
export const MAX_HOLD_MS = 15_000;

export interface InteractiveGateOptions {
  quietMs?: number;
  maxHoldMs?: number;
  /** A monotonic clock in ms (tests); performance.now by default. */
  now?: () => number;
}

export class InteractiveGate {
  private last = Number.NEGATIVE_INFINITY;
  private holdingSince: number | null = null;
  private readonly quietMs: number;
  private readonly maxHoldMs: number;
  private readonly now: () => number;

  constructor(options: InteractiveGateOptions = {}) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.maxHoldMs = options.maxHoldMs ?? MAX_HOLD_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** A request someone is waiting to see answered arrived (a thumbnail, a preview, a page). */
  touch(): void {
    this.last = this.now();
  }

  /** Whether background work should wait before its next item (ask again after a pause). */
  held(): boolean {
    const now = this.now();
    if (now - this.last >= this.quietMs) {
      this.holdingSince = null;
      return false;
    }
    this.holdingSince ??= now;
    if (now - this.holdingSince < this.maxHoldMs) return true;
    // One item through; the next hold starts when it is done and asks again, not now: an
    // item longer than the longest hold would otherwise find that hold already spent.
    this.holdingSince = null;
    return false;
  }
}
