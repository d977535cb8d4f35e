import { watch, type FSWatcher } from 'chokidar';
import { watch as watchFolder, type FSWatcher as FolderWatcher, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { WatchMode } from '../../../shared/dto';
import type { IgnoreTest } from './ignore-rules';
import { walkFolder } from './walk-folder';

/** A file as the watcher last saw it: the stat it settled on travels with it. */
export interface FileStamp {
  relPath: string;
  bytes: number;
  mtimeMs: number;
  /** Inode and device: which of several identical copies moved where. */
  ino: number;
  dev: number;
}

/** The parts of a stat a file stamp keeps. */
type StatFacts = Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'dev'>;

/**
 * What changed under one catalog since the last flush, as paths relative to it. Files
 * carry the size, mtime and inode the watcher saw, so nothing downstream stats them again. A path
 * is in upserts or removals, never both: the later event wins (an editor's safe save,
 * removed then written, is an upsert).
 */
export interface ChangeBatch {
  upserts: FileStamp[];
  removals: string[];
  removedFolders: string[];
  sidecars: string[];
}

interface PendingBatch {
  upserts: Map<string, FileStamp>;
  removals: Set<string>;
  removedFolders: Set<string>;
  sidecars: Set<string>;
}

export interface CatalogWatcherOptions {
  catalogId: number;
  root: string;
  ignored: IgnoreTest;
  /** The catalog's folders (relative, '' for the root), as the last walk found them. */
  folders?: Iterable<string>;
  onBatch: (catalogId: number, batch: ChangeBatch) => void;
  onMode: (catalogId: number, mode: WatchMode, reason: string | null) => void;
  /** Start polling at once (tests; network drives where events do not arrive). */
  polling?: boolean;
  /** Collects events this long so a copy of 1,000 files is applied in a few batches. */
  batchMs?: number;
  /** A file is read once nothing has happened to it for this long (a copy in progress). */
  quietMs?: number;
}

const LIMIT_ERRORS = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);
const SIDECAR = /\.xmp$/i;

/**
 * Live watching of one catalog folder. Natively, each of the catalog's folders gets one
 * fs.watch (one inotify watch per folder, nothing per file: 100,000 files cost no stat
 * and no memory; chokidar would lstat and remember every file) whose events name what
 * changed in it; a path is looked at once it has been quiet for a moment, so a file still
 * being written (a copy, a tethered camera) is read once complete. When the OS runs out
 * of watches, the folder is polled instead (chokidar over every file) and the UI says so.
 */
export class CatalogWatcher {
  /** The polling watcher (chokidar), when polling. */
  private watcher: FSWatcher | null = null;
  /** Native watches, one per watched folder (relative path, '' for the root). */
  private readonly native = new Map<string, FolderWatcher>();
  private mode: WatchMode = 'off';
  private batch: PendingBatch = emptyBatch();
  private timer: NodeJS.Timeout | null = null;
  private readonly quiet = new Map<string, NodeJS.Timeout>();
  private readonly folders = new Set<string>();
  private closed = false;
  /** Switching to polling (once, however many watches fail together). */
  private opening = false;

  constructor(private readonly options: CatalogWatcherOptions) {
    for (const folder of options.folders ?? []) this.folders.add(folder);
  }

  get watchMode(): WatchMode {
    return this.mode;
  }

  /** Resolves once the tree is being watched. */
  async start(): Promise<void> {
    if (this.options.polling) return this.openPolling('Polling, as configured');
    if (this.options.folders === undefined) await this.learnFolders();
    await this.openNative();
  }

  /** Folders a walk found that are not watched yet (made while Packshot was closed). */
  addFolders(folders: Iterable<string>): void {
    for (const folder of folders) {
      if (this.folders.has(folder) || this.options.ignored(folder)) continue;
      this.folders.add(folder);
      if (this.mode === 'native') this.watchNative(folder);
    }
  }

  private async learnFolders(): Promise<void> {
    const walk = await walkFolder(this.options.root, this.options.ignored);
    this.folders.add('');
    for (const file of walk.files) {
      const slash = file.relPath.lastIndexOf('/');
      for (let at = slash; at > 0; at = file.relPath.lastIndexOf('/', at - 1))
        this.folders.add(file.relPath.slice(0, at));
    }
    for (const folder of walk.folders) this.folders.add(folder);
  }

  private async openNative(): Promise<void> {
    this.folders.add('');
    for (const folder of this.folders) {
      if (!this.watchNative(folder)) return; // out of watches: polling took over
    }
    this.setMode('native', null);
    await Promise.resolve();
  }

  /** Watches one folder natively; false when the OS watch limit ended native watching. */
  private watchNative(rel: string): boolean {
    if (this.closed || this.native.has(rel) || (rel !== '' && this.options.ignored(rel)))
      return true;
    const path = rel === '' ? this.options.root : join(this.options.root, ...rel.split('/'));
    try {
      const watcher = watchFolder(path, (_event, name) => {
        if (typeof name === 'string' && name !== '')
          this.touch(rel === '' ? name : `${rel}/${name}`);
      });
      watcher.on('error', (error: NodeJS.ErrnoException) => {
        this.unwatchNative(rel);
        // A folder deleted while watched ends its watch; its parent reports the removal.
        if (error.code !== 'ENOENT' && error.code !== 'EPERM') void this.handleError(error);
      });
      this.native.set(rel, watcher);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (LIMIT_ERRORS.has(code)) {
        void this.handleError(error as NodeJS.ErrnoException);
        return false;
      }
      // Gone or unreadable since it was listed: the next walk says so.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        console.warn(`packshot: watching ${path}: ${(error as Error).message}`);
      return true;
    }
  }

  private unwatchNative(rel: string): void {
    this.native.get(rel)?.close();
    this.native.delete(rel);
  }

  private closeNative(): void {
    for (const watcher of this.native.values()) watcher.close();
    this.native.clear();
  }

  private async openPolling(reason: string): Promise<void> {
    const watcher = watch(this.options.root, {
      ignoreInitial: true,
      followSymlinks: false,
      usePolling: true,
      alwaysStat: true,
      interval: 1000,
      binaryInterval: 2000,
      awaitWriteFinish: { stabilityThreshold: 400, pollInterval: 100 },
      ignored: (path: string) => {
        const rel = this.relPath(path);
        return (
          rel !== '' && this.options.ignored(SIDECAR.test(rel) ? rel.replace(SIDECAR, '') : rel)
        );
      },
    });
    this.watcher = watcher;
    const upsert = (path: string, stats?: Stats): void => {
      if (stats) this.recordFile(this.relPath(path), stats);
      else void this.settle(this.relPath(path)); // no stats given: look once
    };
    watcher
      .on('add', upsert)
      .on('change', upsert)
      .on('unlink', (path) => this.record('removals', this.relPath(path)))
      .on('unlinkDir', (path) => this.record('removedFolders', this.relPath(path)))
      .on('error', (error) =>
        console.warn(`packshot: polling ${this.options.root}: ${String(error)}`),
      );
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.setMode('polling', reason);
  }

  /** The OS watch limit: switch this folder to polling rather than stop watching it. */
  async handleError(error: NodeJS.ErrnoException): Promise<void> {
    if (!LIMIT_ERRORS.has(error.code ?? '')) {
      console.warn(`packshot: watching ${this.options.root}: ${error.message}`);
      return;
    }
    if (this.closed || this.mode === 'polling' || this.opening) return;
    this.opening = true;
    this.closeNative();
    await this.watcher?.close();
    this.watcher = null;
    if (this.closed) return;
    await this.openPolling(
      `The system's file-watch limit was reached (${error.code}): this folder is polled`,
    );
    this.opening = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const pending of this.quiet.values()) clearTimeout(pending);
    this.quiet.clear();
    this.closeNative();
    await this.watcher?.close();
    this.watcher = null;
    this.setMode('off', null);
  }

  /** Something happened at this path: look at it once it has been quiet for a while. */
  private touch(rel: string): void {
    if (rel === '' || rel.startsWith('..') || this.closed) return;
    const ignoredAs = SIDECAR.test(rel) ? rel.replace(SIDECAR, '') : rel;
    if (this.options.ignored(ignoredAs)) return;
    clearTimeout(this.quiet.get(rel));
    this.quiet.set(
      rel,
      setTimeout(() => {
        this.quiet.delete(rel);
        void this.settle(rel);
      }, this.options.quietMs ?? 400),
    );
  }

  private async settle(rel: string): Promise<void> {
    const path = join(this.options.root, ...rel.split('/'));
    let info;
    try {
      info = await stat(path);
    } catch {
      if (this.folders.has(rel)) {
        for (const folder of [...this.folders])
          if (folder === rel || folder.startsWith(`${rel}/`)) {
            this.folders.delete(folder);
            this.unwatchNative(folder);
          }
        this.record('removedFolders', rel);
      } else this.record(SIDECAR.test(rel) ? 'sidecars' : 'removals', rel);
      return;
    }
    if (info.isDirectory()) {
      // A folder appeared (made, or moved in with files): watch it and report what it holds.
      // Watch before walking, so nothing added meanwhile is missed; a watch on a folder of
      // that name that was deleted and made again is dead, so it is always made anew.
      const rewatch = (folder: string): void => {
        this.folders.add(folder);
        if (this.mode !== 'native') return;
        this.unwatchNative(folder);
        this.watchNative(folder);
      };
      rewatch(rel);
      const walk = await walkFolder(path, (inner) => this.options.ignored(`${rel}/${inner}`));
      for (const folder of walk.folders) rewatch(`${rel}/${folder}`);
      for (const file of walk.files)
        this.recordFile(`${rel}/${file.relPath}`, { ...file, size: file.bytes });
      return;
    }
    // Still growing? Look again after another quiet spell.
    await new Promise((r) => setTimeout(r, 150));
    let again;
    try {
      again = await stat(path);
      if (again.size !== info.size || again.mtimeMs !== info.mtimeMs) return this.touch(rel);
    } catch {
      return this.touch(rel);
    }
    if (SIDECAR.test(rel)) this.record('sidecars', rel);
    else this.recordFile(rel, again);
  }

  private setMode(mode: WatchMode, reason: string | null): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.options.onMode(this.options.catalogId, mode, reason);
  }

  private relPath(path: string): string {
    return relative(this.options.root, path).split(sep).join('/');
  }

  /** A file settled at this stat (a sidecar is recorded as a sidecar change). */
  private recordFile(rel: string, stat: StatFacts): void {
    if (rel === '') return;
    if (SIDECAR.test(rel)) return this.record('sidecars', rel);
    this.batch.removals.delete(rel);
    this.batch.upserts.set(rel, {
      relPath: rel,
      bytes: stat.size,
      mtimeMs: Math.trunc(stat.mtimeMs),
      ino: stat.ino,
      dev: stat.dev,
    });
    this.schedule();
  }

  private record(kind: 'removals' | 'removedFolders' | 'sidecars', rel: string): void {
    if (rel === '' && kind !== 'removedFolders') return;
    if (SIDECAR.test(rel) && kind === 'removals') this.batch.sidecars.add(rel);
    else if (kind === 'removals') {
      this.batch.upserts.delete(rel);
      this.batch.removals.add(rel);
    } else this.batch[kind].add(rel);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 250);
  }

  private flush(): void {
    this.timer = null;
    const batch = this.batch;
    this.batch = emptyBatch();
    if (this.closed) return;
    this.options.onBatch(this.options.catalogId, {
      upserts: [...batch.upserts.values()],
      removals: [...batch.removals],
      removedFolders: [...batch.removedFolders],
      sidecars: [...batch.sidecars],
    });
  }
}

function emptyBatch(): PendingBatch {
  return {
    upserts: new Map(),
    removals: new Set(),
    removedFolders: new Set(),
    sidecars: new Set(),
  };
}
