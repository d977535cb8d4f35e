import type { PlaceholderReady, ThumbReady } from '../../../shared/dto';
import type { EventBus } from '../events/event-bus';

const INDEXED_FLUSH_MS = 150;
const PAINT_FLUSH_MS = 50;

/**
 * Batches what indexing tells the page: placeholders (patched in place, no refetch, so
 * sent every 50 ms) and index results (every 150 ms), and whether rules changed tags.
 */
export class IndexEvents {
  private indexed: ThumbReady[] = [];
  private painted: PlaceholderReady[] = [];
  private tagsChanged = false;
  private indexTimer: NodeJS.Timeout | null = null;
  private paintTimer: NodeJS.Timeout | null = null;
  /** performance.now() of the last batch: the wall clock can be set back mid-scan. */
  private paintedAt = -Infinity;

  constructor(private readonly bus: EventBus) {}

  paint(item: PlaceholderReady): void {
    this.painted.push(item);
    // At most one batch per 50 ms, the first at once: a wait before the first batch, or
    // after the last, would only delay what is ready.
    const wait = Math.max(0, this.paintedAt + PAINT_FLUSH_MS - performance.now());
    this.paintTimer ??= setTimeout(() => this.flushPainted(), wait);
  }

  /**
   * Sends the placeholders batched so far now: the looks are done, and the last of them
   * would otherwise wait up to 50 ms for a batch that nothing else will join soon.
   */
  paintNow(): void {
    this.flushPainted();
  }

  done(item: ThumbReady, intakeTagged: boolean): void {
    this.indexed.push(item);
    if (intakeTagged) this.tagsChanged = true;
    this.indexTimer ??= setTimeout(() => this.flush(), INDEXED_FLUSH_MS);
  }

  /** Sends everything batched so far now. */
  flush(): void {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (this.tagsChanged) this.bus.emit('tags.changed', {});
    this.tagsChanged = false;
    this.flushPainted();
    if (this.indexed.length === 0) return;
    const items = this.indexed;
    this.indexed = [];
    this.bus.emit('assets.indexed', { items });
  }

  private flushPainted(): void {
    if (this.paintTimer) clearTimeout(this.paintTimer);
    this.paintTimer = null;
    if (this.painted.length === 0) return;
    const items = this.painted;
    this.painted = [];
    this.paintedAt = performance.now();
    this.bus.emit('assets.placeholders', { items });
  }
}
