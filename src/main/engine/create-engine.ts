import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { EditResult, PlaceholderReady, ThumbReady, WatchMode } from '../../shared/dto';
import { PackshotError } from '../../shared/errors';
import { AssetRepo } from './catalog/asset-repo';
import { CatalogRepo } from './catalog/catalog-repo';
import { CollectionEdits } from './collections/collection-edits';
import { CollectionRepo } from './collections/collection-repo';
import { SidecarRepo } from './catalog/sidecar-repo';
import { IdleCheckpoint } from './db/idle-checkpoint';
import { openDatabase } from './db/open-database';
import { SimilarIndex } from './analysis/similar-index';
import { TagEdits } from './tags/tag-edits';
import { XmpWriter } from './xmp/xmp-writer';
import { TagRepo } from './tags/tag-repo';
import { EditLog } from './edit/edit-log';
import { EventBus, type AnyEventListener } from './events/event-bus';
import { indexAsset } from './index/index-asset';
import { KeyedLock } from './index/keyed-lock';
import { quickLook } from './index/quick-look';
import { PlaceholderStore } from './catalog/placeholder-store';
import { IndexQueue } from './index/index-queue';
import { IntakeRepo } from './intake/intake-repo';
import { MediaCache, type MediaKind } from './media/media-cache';
import { EmbeddedPreviews } from './media/raw-preview';
import { ignoreRules } from './scan/ignore-rules';
import { compileQuery } from './search/compile-query';
import { parseQuery } from './search/parse-query';
import { isReachable, scanCatalog } from './scan/scan-catalog';
import { assetHandlers } from './handlers/asset-handlers';
import { catalogHandlers } from './handlers/catalog-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { collectionHandlers } from './handlers/collection-handlers';
import { intakeHandlers } from './handlers/intake-handlers';
import { engineJobs } from './jobs/engine-jobs';
import { jobHandlers } from './handlers/job-handlers';
import { productHandlers } from './handlers/product-handlers';
import { ProductParts } from './products/product-parts';
import { tagHandlers } from './handlers/tag-handlers';
import type { EngineContext, ScanOutcome } from './engine-context';
import { applyChanges } from './watch/apply-changes';
import { CatalogWatcher, type ChangeBatch } from './watch/catalog-watcher';

export interface EngineOptions {
  dataDir: string;
  /** Parallel index jobs; defaults to the number of cores. */
  concurrency?: number;
  /** better-sqlite3 binary for a non-Node runtime (Electron). */
  sqliteBinding?: string;
  /**
   * Watch catalog folders live and reconcile them on start (the app, browser mode).
   * One-shot commands (the CLI) leave it off and reconcile when asked.
   */
  watch?: boolean;
  /** Watch by polling from the start (folders where native events do not arrive). */
  polling?: boolean;
  /**
   * Give every new file a quick look (a placeholder from its camera thumbnail) before any
   * full index, so a grid can paint it at once. Default: when watching, as the app does;
   * a one-shot command has no grid to paint and skips it.
   */
  quickLook?: boolean;
  /** Byte budget of the loupe preview cache. */
  previewCacheBytes?: number;
  /** Sources an export renders at once (default: the number of cores, at least 2). */
  exportConcurrency?: number;
  /** Resume jobs a dead or closed process left (default: when watching; not one-shots). */
  resumeJobs?: boolean;
}

export interface Engine {
  readonly handlers: Handlers;
  readonly dataDir: string;
  subscribe(listener: AnyEventListener): () => void;
  /** Cache file for media that belongs to a registered asset, else null. */
  resolveMedia(kind: MediaKind, hash: string): string | null;
  /** Resolves when watchers are running and the start-up reconciliation is queued. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const INDEXED_FLUSH_MS = 150;
const PAINT_FLUSH_MS = 50;

const OFFLINE_RECHECK_MS = 3000;

export function createEngine(options: EngineOptions): Engine {
  const db = openDatabase(join(options.dataDir, 'packshot.db'), {
    nativeBinding: options.sqliteBinding,
  });
  const checkpoint = new IdleCheckpoint(db);
  const watchers = new Map<number, CatalogWatcher>();
  const watchModeOf = (id: number): WatchMode => watchers.get(id)?.watchMode ?? 'off';
  const catalogs = new CatalogRepo(db, watchModeOf);
  const assets = new AssetRepo(db);
  const tags = new TagRepo(db);
  const similar = new SimilarIndex(db);
  const sidecars = new SidecarRepo(db);
  const placeholders = new PlaceholderStore(db);
  const identityLock = new KeyedLock();
  const edits = new EditLog(db, tags);
  const tagEdits = new TagEdits(tags, edits);
  const productParts = new ProductParts(db, edits);
  const intake = new IntakeRepo(db);
  const collections = new CollectionRepo(db);
  const collectionEdits = new CollectionEdits(collections, edits);
  const xmp = new XmpWriter();
  /** After any edit: lists refetch, and the keyword panel when tags changed. */
  const edited = <R extends EditResult>(
    result: R,
    tagsChanged: boolean,
    touched: readonly number[] = [],
  ): R => {
    if (result.changed > 0) bus.emit('assets.changed', { catalogId: null });
    if (result.changed > 0) checkpoint.soon();
    if (tagsChanged) bus.emit('tags.changed', {});
    if (result.changed > 0 && touched.length > 0) {
      // Write-back is a job after the edit is saved: a crash before it is made good later.
      writeXmp(touched);
    }
    return result;
  };
  const idsFor = (text: string): number[] => {
    const parsed = parseQuery(text);
    return assets.ids({
      filter: 'all',
      sort: 'name',
      search: parsed ? compileQuery(parsed, text) : undefined,
    });
  };
  const cache = new MediaCache(join(options.dataDir, 'cache'));
  const previews = new EmbeddedPreviews();
  const bus = new EventBus();
  const engineJobParts = engineJobs({ db, bus, assets, xmp, cache }, options);
  const { registry: jobs, writeXmp, prunePreviews } = engineJobParts;
  let closed = false;

  let indexed: ThumbReady[] = [];
  let painted: PlaceholderReady[] = [];
  /** Intake rules tagged an asset since the last flush: the keyword panel refetches. */
  let intakeTagged = false;
  let flushTimer: NodeJS.Timeout | null = null;
  // Placeholders are patched in place by the page (no refetch): sent sooner than results.
  let paintTimer: NodeJS.Timeout | null = null;
  const flushPainted = (): void => {
    if (paintTimer) clearTimeout(paintTimer);
    paintTimer = null;
    if (painted.length === 0) return;
    const items = painted;
    painted = [];
    bus.emit('assets.placeholders', { items });
  };
  const flushIndexed = (): void => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (intakeTagged) bus.emit('tags.changed', {});
    intakeTagged = false;
    flushPainted();
    if (indexed.length === 0) return;
    const items = indexed;
    indexed = [];
    bus.emit('assets.indexed', { items });
  };

  const queue = new IndexQueue({
    concurrency: options.concurrency ?? Math.max(1, availableParallelism()),
    look:
      (options.quickLook ?? options.watch)
        ? async (id) => {
            const look = await quickLook(assets, placeholders, id);
            if (look.placeholder) {
              painted.push({ id, placeholder: look.placeholder });
              paintTimer ??= setTimeout(flushPainted, PAINT_FLUSH_MS);
            }
            return look.result;
          }
        : undefined,
    work: async (id) => {
      const outcome = await indexAsset(
        { db, assets, cache, previews, tags, similar, sidecars, identityLock, intake },
        id,
      );
      if (!outcome) return 'skipped';
      if (outcome.moved) bus.emit('assets.changed', { catalogId: null });
      // Filename rules marked auto link a file as it arrives (this asset only, no scan).
      if (outcome.state !== 'error' && productParts.autoLink(outcome.id)) {
        bus.emit('products.changed', {});
        bus.emit('assets.changed', { catalogId: null });
      }
      if (outcome.intakeTagged) {
        // Tags the rules gave are ordinary tags: they go back to XMP like any other.
        intakeTagged = true;
        writeXmp([outcome.id]);
      }
      indexed.push({
        id: outcome.id,
        hash: outcome.hash,
        thumb: outcome.thumb,
        state: outcome.state,
        error: outcome.error,
      });
      flushTimer ??= setTimeout(flushIndexed, INDEXED_FLUSH_MS);
      return outcome.state === 'error' ? 'error' : 'ok';
    },
    onProgress: (progress) => {
      if (!progress.running) {
        flushIndexed();
        bus.emit('catalogs.changed', {});
      }
      bus.emit('jobs.progress', progress);
    },
  });

  // One walk at a time per catalog; later requests wait for the one running.
  const scans = new Map<number, Promise<ScanOutcome>>();
  // `after`: work to finish first (starting the watcher), inside the scan so that a
  // jobs.wait issued meanwhile already waits for this scan.
  const scan = (id: number, after: Promise<void> = Promise.resolve()): Promise<ScanOutcome> => {
    const previous = scans.get(id) ?? Promise.resolve({ listed: 0, queued: 0 });
    const next = previous.then(async () => {
      await after;
      const result = await scanCatalog(catalogs, { assets, tags, sidecars }, id);
      if (!result) throw new PackshotError('not_found', `No catalog with id ${id}`);
      watchers.get(id)?.addFolders(result.folders);
      if (result.onlineChanged) bus.emit('catalogs.changed', {});
      if (result.listed > 0 || result.missing > 0 || result.reread > 0 || result.onlineChanged)
        bus.emit('assets.changed', { catalogId: id });
      queue.enqueue(result.queued);
      return { listed: result.listed, queued: result.queued.length };
    });
    const settled = next
      .catch(() => ({ listed: 0, queued: 0 }))
      .finally(() => {
        if (scans.get(id) === settled) scans.delete(id);
      });
    scans.set(id, settled);
    return next;
  };

  const onBatch = (catalogId: number, batch: ChangeBatch): void => {
    const catalog = catalogs.get(catalogId);
    if (!catalog || closed) return;
    void (async () => {
      if (!(await isReachable(catalog.path))) return goOffline(catalogId);
      const applied = await applyChanges(assets, catalogId, catalog.path, batch);
      if (applied.listed > 0 || applied.missing > 0) bus.emit('assets.changed', { catalogId });
      queue.enqueue(applied.queue);
    })().catch((error: unknown) => console.error('packshot: applying file changes failed:', error));
  };

  const startWatching = async (id: number): Promise<void> => {
    const catalog = catalogs.get(id);
    if (!catalog || closed || watchers.has(id) || !catalog.online) return;
    let wasNative = false;
    const watcher = new CatalogWatcher({
      catalogId: id,
      root: catalog.path,
      ignored: ignoreRules(catalog.ignore),
      folders: assets.folders(id),
      polling: options.polling,
      onBatch,
      onMode: (_id, mode, reason) => {
        if (reason) console.warn(`packshot: ${catalog.path}: ${reason}`);
        bus.emit('catalogs.changed', {});
        // A change made while the native watches closed and polling took its first look
        // can fall between the two: reconcile once, as on start (stats only).
        if (mode === 'polling' && wasNative)
          void scan(id).catch((error: unknown) =>
            console.error('packshot: reconciling after the switch to polling failed:', error),
          );
        wasNative = mode === 'native';
      },
    });
    watchers.set(id, watcher);
    await watcher.start();
  };

  const stopWatching = async (id: number): Promise<void> => {
    const watcher = watchers.get(id);
    watchers.delete(id);
    await watcher?.close();
  };

  /** A drive went away: its assets are offline (not missing) until it returns. */
  const goOffline = async (id: number): Promise<void> => {
    await stopWatching(id);
    if (catalogs.setOnline(id, false)) {
      bus.emit('catalogs.changed', {});
      bus.emit('assets.changed', { catalogId: id });
    }
  };

  // Offline catalogs are checked now and then; when the folder is back, reconcile and watch.
  const offlineTimer = options.watch
    ? setInterval(() => {
        for (const catalog of catalogs.offline()) {
          void isReachable(catalog.path).then(async (back) => {
            if (!back || closed) return;
            await scan(catalog.id);
            await startWatching(catalog.id);
          });
        }
      }, OFFLINE_RECHECK_MS)
    : null;
  offlineTimer?.unref();

  const ctx: EngineContext = {
    dataDir: options.dataDir,
    live: options.watch ?? false,
    db,
    bus,
    catalogs,
    assets,
    tags,
    similar,
    edits,
    tagEdits,
    cache,
    previews,
    queue,
    jobs,
    prunePreviews,
    intake,
    collections,
    collectionEdits,
    edited,
    idsFor,
    scan,
    isWatching: (id) => watchers.has(id),
    startWatching,
    stopWatching,
    scansSettled: async () => {
      while (scans.size > 0) await Promise.allSettled(scans.values());
    },
    ready: () => ready,
    flushIndexed,
  };

  // One group of handlers per domain of the contract (handlers/).
  const handlers: Handlers = {
    ...catalogHandlers(ctx),
    ...assetHandlers(ctx),
    ...tagHandlers(ctx),
    ...jobHandlers(ctx),
    ...productHandlers(ctx, productParts),
    ...exportHandlers(ctx, { concurrency: options.exportConcurrency }),
    ...intakeHandlers(ctx),
    ...collectionHandlers(ctx),
  };

  // What a crash or a quit left unfinished resumes now: assets, and dead processes' jobs.
  queue.enqueue(assets.unfinishedIds());
  jobs.start();

  // Watch first, then walk: a file changed during the walk is still seen.
  const ready = options.watch
    ? (async () => {
        for (const catalog of catalogs.list()) {
          if (closed) return;
          if (await isReachable(catalog.path)) await startWatching(catalog.id);
          await scan(catalog.id).catch((error: unknown) =>
            console.error('packshot: start-up scan failed:', error),
          );
        }
      })()
    : Promise.resolve();

  return {
    handlers,
    dataDir: options.dataDir,
    ready,
    subscribe: (listener) => bus.subscribe(listener),
    resolveMedia: (kind, hash) => {
      try {
        if (!assets.hasHash(hash) || !cache.has(kind, hash)) return null;
        return cache.pathFor(kind, hash);
      } catch {
        return null;
      }
    },
    close: async () => {
      closed = true;
      if (offlineTimer) clearInterval(offlineTimer);
      await ready.catch(() => undefined);
      await Promise.all([...watchers.keys()].map(stopWatching));
      await Promise.allSettled(scans.values());
      await queue.stop();
      await jobs.close();
      flushIndexed();
      await previews.close();
      await xmp.close();
      checkpoint.dispose();
      db.close();
    },
  };
}
