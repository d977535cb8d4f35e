import { PackshotError } from '../../../shared/errors';
import type { WatchMode } from '../../../shared/dto';
import type { JobProgress } from '../../../shared/dto';
import type { EventBus } from '../events/event-bus';
import type { CatalogRepo } from '../repositories/catalog-repo';
import type { PlaceholderRepo } from '../repositories/placeholder-repo';
import type { AssetQueryRepo } from '../repositories/asset-query-repo';
import { CatalogWatching } from './catalog-watching';
import { CostlyPaints } from './costly-paint';
import { FirstScansLater } from './first-scans-later';
import { indexAsset, type IndexDeps, type IndexOutcome } from './index-asset';
import { IndexEvents } from './index-events';
import { IndexQueue } from './index-queue';
import { KeyedLock } from './keyed-lock';
import { LookGroups } from './look-groups';
import { quickLook } from './quick-look';
import { lookToolsLoaded } from '../tools/sharp/look-tools';
import { isReachable, scanCatalog } from './scan-catalog';

/** The repositories and tools the pipeline reads and writes through. */
export type IngestParts = Omit<IndexDeps, 'identityLock'> & {
  bus: EventBus;
  catalogs: CatalogRepo;
  assets: AssetQueryRepo;
  placeholders: PlaceholderRepo;
};

export interface IngestOptions {
  /** Parallel index jobs. */
  concurrency: number;
  /** Watch catalogs live and reconcile them on start (the app), or only when asked (CLI). */
  watch: boolean;
  polling?: boolean;
  /** Paint a placeholder from each new file's camera thumbnail before indexing it. */
  quickLook: boolean;
  /** After each asset's index result is written (auto-linking, XMP write-back). */
  afterIndex(outcome: IndexOutcome): void;
  /** The index queue's progress (a durable job mirrors it). */
  onProgress?(progress: JobProgress): void;
}

export interface ScanOutcome {
  listed: number;
  queued: number;
}

const OFFLINE_RECHECK_MS = 3000;

/**
 * Files on disk → the index: watcher batches and walks reconcile rows (one transaction),
 * the index queue reads each changed file, one index result is written in one
 * transaction, and the page hears of it in batched events.
 */
export class IngestPipeline {
  readonly queue: IndexQueue;
  readonly watching: CatalogWatching;
  private readonly events: IndexEvents;
  /** Quick looks shared by files that begin alike, for one burst of indexing. */
  private readonly lookGroups = new LookGroups();
  /** Ids a look found costly: their full index gives their first placeholder. */
  private readonly unpainted = new Set<number>();
  /** Progressive JPEGs the looks left to their DC scans, painted when the looks are done. */
  private readonly firstScans: FirstScansLater;
  /** Costly files' placeholders, made before any of their full indexes, which reuse them. */
  private readonly costlyPaints: CostlyPaints;
  /** One walk at a time per catalog; later requests wait for the one running. */
  private readonly scans = new Map<number, Promise<ScanOutcome>>();
  private offlineTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private started: Promise<void> = Promise.resolve();

  constructor(
    private readonly parts: IngestParts,
    private readonly options: IngestOptions,
  ) {
    this.events = new IndexEvents(parts.bus);
    this.firstScans = new FirstScansLater(parts.placeholders, this.lookGroups);
    const costlyPaints = new CostlyPaints(parts);
    this.costlyPaints = costlyPaints;
    const deps: IndexDeps = { ...parts, identityLock: new KeyedLock(), painted: costlyPaints };
    this.queue = new IndexQueue({
      concurrency: options.concurrency,
      look: options.quickLook ? (id) => this.look(id) : undefined,
      paint: options.quickLook ? (id) => this.paintCostly(id) : undefined,
      // The last costly placeholders would otherwise wait up to 50 ms for their batch.
      paintsDone: () => this.events.paintNow(),
      // Largest first: the costly files the looks find are then indexed longest first, so
      // the last placeholder is not a big file started last.
      lookOrder: (ids) => {
        const { order, shared } = parts.files.bySize(ids);
        this.lookGroups.share(shared);
        return order;
      },
      looksDone: () => {
        this.events.paintNow();
        this.paintFirstScans();
      },
      work: (id) => this.index(deps, id),
      onProgress: (progress) => {
        if (!progress.running) {
          this.lookGroups.clear();
          this.unpainted.clear();
          this.costlyPaints.clear();
          this.events.flush();
          parts.bus.emit('catalogs.changed', {});
        }
        parts.bus.emit('jobs.progress', progress);
        options.onProgress?.(progress);
      },
    });
    this.watching = new CatalogWatching({
      bus: parts.bus,
      catalogs: parts.catalogs,
      files: parts.files,
      polling: options.polling,
      enqueue: (ids) => this.queue.enqueue(ids),
      rescan: (id) => this.scan(id),
    });
  }

  watchModeOf(id: number): WatchMode {
    return this.watching.modeOf(id);
  }

  /**
   * Resumes what the last run left unfinished, then (when watching) watches and walks
   * every catalog: watch first, so a file changed during the walk is still seen.
   */
  start(): Promise<void> {
    this.queue.enqueue(this.parts.files.unfinishedIds());
    if (!this.options.watch) return this.started;
    this.offlineTimer = setInterval(() => this.recheckOffline(), OFFLINE_RECHECK_MS);
    this.offlineTimer.unref();
    this.started = (async () => {
      for (const catalog of this.parts.catalogs.list()) {
        if (this.closed) return;
        if (await isReachable(catalog.path)) await this.watching.start(catalog.id);
        await this.scan(catalog.id).catch((error: unknown) =>
          console.error('packshot: start-up scan failed:', error),
        );
      }
    })();
    // A live engine that looks loads the looks' tools (sharp, exifr: ~36 ms of main thread)
    // in its first idle turns, a piece a turn, not in the first looks a new catalog waits on;
    // none once it is closed.
    if (this.options.quickLook)
      void this.started.then(
        () => lookToolsLoaded(() => this.closed),
        () => undefined,
      );
    return this.started;
  }

  /**
   * Walks one catalog and queues what changed. `after`: work to finish first (starting the
   * watcher), inside the scan so that a jobs.wait issued meanwhile already waits for it.
   */
  scan(id: number, after: Promise<void> = Promise.resolve()): Promise<ScanOutcome> {
    const previous = this.scans.get(id) ?? Promise.resolve({ listed: 0, queued: 0 });
    const next = previous.then(async () => {
      await after;
      const { bus } = this.parts;
      const result = await scanCatalog(this.parts.catalogs, this.parts, id);
      if (!result) throw new PackshotError('not_found', `No catalog with id ${id}`);
      this.watching.addFolders(id, result.folders);
      if (result.onlineChanged) bus.emit('catalogs.changed', {});
      if (result.listed > 0 || result.missing > 0 || result.reread > 0 || result.onlineChanged)
        bus.emit('assets.changed', { catalogId: id });
      // A list asked during the walk is answered first: the looks' start can wait a turn.
      if (result.queued.length > 0) await new Promise((resolve) => setImmediate(resolve));
      this.queue.enqueue(result.queued);
      return { listed: result.listed, queued: result.queued.length };
    });
    const settled = next
      .catch(() => ({ listed: 0, queued: 0 }))
      .finally(() => {
        if (this.scans.get(id) === settled) this.scans.delete(id);
      });
    this.scans.set(id, settled);
    return next;
  }

  /** Resolves when every scan running now (and any they start) has finished. */
  async scansSettled(): Promise<void> {
    while (this.scans.size > 0) await Promise.allSettled(this.scans.values());
  }

  /** Resolves when start-up, every scan and the queue are done, events sent. */
  async idle(): Promise<void> {
    await this.started;
    await this.scansSettled();
    await this.queue.whenIdle();
    await this.firstScans.whenDone();
    this.events.flush();
  }

  flushEvents(): void {
    this.events.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.offlineTimer) clearInterval(this.offlineTimer);
    await this.started.catch(() => undefined);
    await this.watching.close();
    await Promise.allSettled(this.scans.values());
    await this.queue.stop();
    await this.firstScans.whenDone();
    this.events.flush();
  }

  private async look(id: number): Promise<'looked' | 'costly'> {
    const { files, placeholders } = this.parts;
    const look = await quickLook(files, placeholders, this.lookGroups, id);
    if (look.placeholder) this.events.paint({ id, placeholder: look.placeholder });
    if (look.result === 'costly') this.unpainted.add(id);
    if (look.firstScans) this.firstScans.add(look.firstScans);
    return look.result;
  }

  /**
   * A costly file's placeholder before its full index (which reuses the decode): with its
   * copies that wait on it. False: none made here; its index paints it, as before.
   */
  private async paintCostly(id: number): Promise<boolean> {
    const { placeholders } = this.parts;
    if (placeholders.has(id)) return false;
    let placeholder: string | null;
    try {
      placeholder = await this.costlyPaints.paint(id);
    } catch (error) {
      console.error(`packshot: painting asset ${id} failed:`, error);
      return false;
    }
    if (placeholder === null) return false;
    if (placeholders.setIfNone(id, placeholder)) this.events.paint({ id, placeholder });
    this.unpainted.delete(id);
    this.paintWaiting(id, placeholder);
    return true;
  }

  /** The looks are done: the DC scans left to later paint their files, beside the indexes. */
  private paintFirstScans(): void {
    if (this.firstScans.pending === 0) return;
    const run = this.firstScans.run(
      this.options.concurrency,
      {
        paint: (id, placeholder) => this.events.paint({ id, placeholder }),
        // Still queued: its index, which paints it, goes in the costly lane.
        costly: (id) => {
          if (this.queue.costlier(id)) this.unpainted.add(id);
        },
      },
      () => this.closed,
    );
    void run.then(() => this.events.paintNow());
  }

  private async index(deps: IndexDeps, id: number): Promise<'ok' | 'error' | 'skipped'> {
    if (!(await this.firstScans.claim(id))) this.unpainted.add(id); // not painted by its DC scans
    const outcome = await indexAsset(deps, id);
    const placeholder = outcome?.placeholder ?? null;
    // A costly file's first placeholder goes out with the looks' (every 50 ms), not with
    // the index results (every 150 ms).
    if (this.unpainted.delete(id) && outcome && placeholder)
      this.events.paint({ id: outcome.id, placeholder });
    this.paintWaiting(id, placeholder);
    if (!outcome) return 'skipped';
    if (outcome.moved) this.parts.bus.emit('assets.changed', { catalogId: null });
    this.options.afterIndex(outcome);
    const { hash, thumb, state, error } = outcome;
    this.events.done({ id: outcome.id, hash, thumb, state, error }, outcome.intakeTagged);
    return state === 'error' ? 'error' : 'ok';
  }

  /** Copies that began alike and waited on this file's index for a placeholder get it now. */
  private paintWaiting(id: number, placeholder: string | null): void {
    const waiting = this.lookGroups.settle(id, placeholder);
    if (placeholder === null) return;
    for (const copy of waiting)
      if (this.parts.placeholders.setIfNone(copy, placeholder))
        this.events.paint({ id: copy, placeholder });
  }

  /** Offline catalogs are checked now and then; when the folder is back, walk and watch. */
  private recheckOffline(): void {
    for (const catalog of this.parts.catalogs.offline()) {
      void isReachable(catalog.path).then(async (back) => {
        if (!back || this.closed) return;
        await this.scan(catalog.id);
        await this.watching.start(catalog.id);
      });
    }
  }
}
