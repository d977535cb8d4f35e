import type { Db } from './open-database';

/**
 * WAL checkpoints off an edit's path. SQLite's automatic checkpoint runs inside the commit
 * that crosses its threshold (1,000 pages): a step tagging 10,000 assets dirties ~5,000
 * pages of asset_tags, so every such step copied them all back into the database before it
 * answered (~150 ms). The engine's connection keeps a high threshold as a safety net and
 * checkpoints right after an edit has answered. The work is moved, not saved.
 */
export class IdleCheckpoint {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    safetyPages = 20_000,
  ) {
    db.pragma(`wal_autocheckpoint = ${safetyPages}`);
  }

  /** After a write: checkpoint once the current task (and so its reply) is done. */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.db.open) return;
      // PASSIVE: copies what no reader still needs, never waits; the next one finishes.
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or closing: the safety threshold or the next edit checkpoints instead.
      }
    }, 0);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
