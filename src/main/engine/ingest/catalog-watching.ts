import type { WatchMode } from '../../../shared/dto';
import type { CatalogRepo } from '../repositories/catalog-repo';
import type { EventBus } from '../events/event-bus';
import type { AssetFileRepo } from '../repositories/asset-file-repo';
import { applyChanges } from './apply-changes';
import { CatalogWatcher, type ChangeBatch } from './catalog-watcher';
import { ignoreRules } from './ignore-rules';
import { isReachable } from './scan-catalog';

export interface WatchingParts {
  bus: EventBus;
  catalogs: CatalogRepo;
  files: AssetFileRepo;
  /** Poll from the start instead of native watches. */
  polling?: boolean;
  /** Queues what a batch changed for indexing. */
  enqueue(ids: readonly number[]): void;
  /** Reconciles a catalog (after a switch to polling, which may miss a change). */
  rescan(id: number): Promise<unknown>;
}

/**
 * The live watchers of the catalogs: one per online catalog, its batches applied to the
 * index as they come, a catalog whose folder vanished taken offline.
 */
export class CatalogWatching {
  private readonly watchers = new Map<number, CatalogWatcher>();
  private closed = false;

  constructor(private readonly parts: WatchingParts) {}

  modeOf(id: number): WatchMode {
    return this.watchers.get(id)?.watchMode ?? 'off';
  }

  has(id: number): boolean {
    return this.watchers.has(id);
  }

  addFolders(id: number, folders: Iterable<string>): void {
    this.watchers.get(id)?.addFolders(folders);
  }

  async start(id: number): Promise<void> {
    const { catalogs, files, bus } = this.parts;
    const catalog = catalogs.get(id);
    if (!catalog || this.closed || this.watchers.has(id) || !catalog.online) return;
    let wasNative = false;
    const watcher = new CatalogWatcher({
      catalogId: id,
      root: catalog.path,
      ignored: ignoreRules(catalog.ignore),
      folders: files.folders(id),
      polling: this.parts.polling,
      onBatch: (catalogId, batch) => this.apply(catalogId, batch),
      onMode: (_id, mode, reason) => {
        if (reason) console.warn(`packshot: ${catalog.path}: ${reason}`);
        bus.emit('catalogs.changed', {});
        // A change made while the native watches closed and polling took its first look
        // can fall between the two: reconcile once, as on start (stats only).
        if (mode === 'polling' && wasNative)
          void this.parts
            .rescan(id)
            .catch((error: unknown) =>
              console.error('packshot: reconciling after the switch to polling failed:', error),
            );
        wasNative = mode === 'native';
      },
    });
    this.watchers.set(id, watcher);
    await watcher.start();
  }

  async stop(id: number): Promise<void> {
    const watcher = this.watchers.get(id);
    this.watchers.delete(id);
    await watcher?.close();
  }

  /** A drive went away: its assets are offline (not missing) until it returns. */
  async goOffline(id: number): Promise<void> {
    await this.stop(id);
    if (this.parts.catalogs.setOnline(id, false)) {
      this.parts.bus.emit('catalogs.changed', {});
      this.parts.bus.emit('assets.changed', { catalogId: id });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.watchers.keys()].map((id) => this.stop(id)));
  }

  private apply(catalogId: number, batch: ChangeBatch): void {
    const catalog = this.parts.catalogs.get(catalogId);
    if (!catalog || this.closed) return;
    void (async () => {
      if (!(await isReachable(catalog.path))) return this.goOffline(catalogId);
      const applied = applyChanges(this.parts.files, catalogId, catalog.path, batch);
      if (applied.listed > 0 || applied.missing > 0)
        this.parts.bus.emit('assets.changed', { catalogId });
      this.parts.enqueue(applied.queue);
    })().catch((error: unknown) => console.error('packshot: applying file changes failed:', error));
  }
}
