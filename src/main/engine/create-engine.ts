import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { ThumbReady } from '../../shared/dto';
import { PackshotError } from '../../shared/errors';
import { AssetRepo } from './catalog/asset-repo';
import { CatalogRepo } from './catalog/catalog-repo';
import { isWithin, resolveCatalogPath } from './catalog/resolve-catalog-path';
import { openDatabase } from './db/open-database';
import { EventBus, type AnyEventListener } from './events/event-bus';
import { indexAsset } from './index/index-asset';
import { IndexQueue } from './index/index-queue';
import { MediaCache, type MediaKind } from './media/media-cache';
import { walkFolder } from './scan/walk-folder';
import { VERSION } from './version';

export interface EngineOptions {
  dataDir: string;
  /** Parallel index jobs; defaults to the number of cores. */
  concurrency?: number;
  /** better-sqlite3 binary for a non-Node runtime (Electron). */
  sqliteBinding?: string;
}

export interface Engine {
  readonly handlers: Handlers;
  readonly dataDir: string;
  subscribe(listener: AnyEventListener): () => void;
  /** Cache file for media that belongs to a registered asset, else null. */
  resolveMedia(kind: MediaKind, hash: string): string | null;
  close(): Promise<void>;
}

const INDEXED_FLUSH_MS = 150;

export function createEngine(options: EngineOptions): Engine {
  const db = openDatabase(join(options.dataDir, 'packshot.db'), {
    nativeBinding: options.sqliteBinding,
  });
  const catalogs = new CatalogRepo(db);
  const assets = new AssetRepo(db);
  const cache = new MediaCache(join(options.dataDir, 'cache'));
  const bus = new EventBus();

  let indexed: ThumbReady[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  const flushIndexed = (): void => {
    flushTimer = null;
    if (indexed.length === 0) return;
    const items = indexed;
    indexed = [];
    bus.emit('assets.indexed', { items });
  };

  const queue = new IndexQueue({
    concurrency: options.concurrency ?? Math.max(1, availableParallelism()),
    work: async (id) => {
      const outcome = await indexAsset({ assets, cache }, id);
      if (!outcome) return 'skipped';
      indexed.push({ id: outcome.id, hash: outcome.hash, thumb: outcome.thumb });
      flushTimer ??= setTimeout(flushIndexed, INDEXED_FLUSH_MS);
      return outcome.state;
    },
    onProgress: (progress) => {
      if (!progress.running) flushIndexed();
      bus.emit('jobs.progress', progress);
    },
  });

  // One walk at a time per catalog; later requests wait for the one running.
  const scans = new Map<number, Promise<{ listed: number; queued: number }>>();
  const scanCatalog = (id: number): Promise<{ listed: number; queued: number }> => {
    const previous = scans.get(id) ?? Promise.resolve({ listed: 0, queued: 0 });
    const next = previous.then(async () => {
      const catalog = catalogs.get(id);
      if (!catalog) throw new PackshotError('not_found', `No catalog with id ${id}`);
      const walk = await walkFolder(catalog.path);
      for (const problem of walk.problems) {
        console.warn(`packshot: ${catalog.path}/${problem.relPath}: ${problem.reason}`);
      }
      const { listed, queue: ids } = assets.reconcile(id, walk.files);
      bus.emit('assets.changed', { catalogId: id });
      bus.emit('catalogs.changed', {});
      queue.enqueue(ids);
      return { listed, queued: ids.length };
    });
    const settled = next.finally(() => {
      if (scans.get(id) === settled) scans.delete(id);
    });
    scans.set(id, settled);
    return next;
  };

  const handlers: Handlers = {
    'app.info': () => Promise.resolve({ version: VERSION, dataDir: options.dataDir }),

    'catalog.add': async ({ path }) => {
      const folder = await resolveCatalogPath(path);
      const same = catalogs.findByPath(folder.path);
      if (same) return same;
      for (const other of catalogs.list()) {
        if (isWithin(other.path, folder.path) || isWithin(folder.path, other.path)) {
          throw new PackshotError(
            'conflict',
            `${folder.path} overlaps the catalog ${other.path}; a file may belong to one catalog only`,
          );
        }
      }
      const id = catalogs.insert(folder.path, folder.name);
      bus.emit('catalogs.changed', {});
      scanCatalog(id).catch((error: unknown) => {
        console.error(`packshot: scanning ${folder.path} failed:`, error);
      });
      const added = catalogs.get(id);
      if (!added) throw new PackshotError('internal', 'The catalog vanished as it was added');
      return added;
    },

    'catalog.list': () => Promise.resolve(catalogs.list()),

    'catalog.remove': ({ id }) => {
      const removed = catalogs.remove(id);
      if (!removed) throw new PackshotError('not_found', `No catalog with id ${id}`);
      bus.emit('catalogs.changed', {});
      bus.emit('assets.changed', { catalogId: id });
      return Promise.resolve({ removed });
    },

    'catalog.scan': async ({ id }) => {
      const ids = id === undefined ? catalogs.list().map((c) => c.id) : [id];
      let listed = 0;
      let queued = 0;
      for (const catalogId of ids) {
        const result = await scanCatalog(catalogId);
        listed += result.listed;
        queued += result.queued;
      }
      return { listed, queued };
    },

    'assets.list': ({ catalogId, offset, limit, sort }) =>
      Promise.resolve({
        total: assets.count(catalogId),
        offset,
        items: assets.page({ catalogId, offset, limit, sort }),
      }),

    'assets.get': ({ id }) => {
      const asset = assets.get(id);
      if (!asset) throw new PackshotError('not_found', `No asset with id ${id}`);
      return Promise.resolve(asset);
    },

    'thumbs.prioritize': ({ ids }) => Promise.resolve({ moved: queue.prioritize(ids) }),

    'jobs.status': () => Promise.resolve(queue.status()),

    'jobs.wait': async () => {
      const started = Date.now();
      while (scans.size > 0) await Promise.allSettled(scans.values());
      await queue.whenIdle();
      flushIndexed();
      return {
        assets: assets.count(),
        errors: assets.errorCount(),
        seconds: (Date.now() - started) / 1000,
      };
    },
  };

  // Whatever the last run left unfinished (a crash, a quit mid-scan) resumes now.
  queue.enqueue(assets.unfinishedIds());

  return {
    handlers,
    dataDir: options.dataDir,
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
      await Promise.allSettled(scans.values());
      await queue.stop();
      if (flushTimer) clearTimeout(flushTimer);
      flushIndexed();
      db.close();
    },
  };
}
