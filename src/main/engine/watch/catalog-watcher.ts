import { watch, type FSWatcher } from 'chokidar';
import { relative, sep } from 'node:path';
import type { WatchMode } from '../../../shared/dto';
import type { IgnoreTest } from '../scan/ignore-rules';

/** What changed under one catalog since the last flush, as paths relative to it. */
export interface ChangeBatch {
  upserts: string[];
  removals: string[];
  removedFolders: string[];
  sidecars: string[];
}

export interface CatalogWatcherOptions {
  catalogId: number;
  root: string;
  ignored: IgnoreTest;
  onBatch: (catalogId: number, batch: ChangeBatch) => void;
  onMode: (catalogId: number, mode: WatchMode, reason: string | null) => void;
  /** Start polling at once (tests; network drives where events do not arrive). */
  polling?: boolean;
  /** Collects events this long so a copy of 1,000 files is applied in a few batches. */
  batchMs?: number;
}

const LIMIT_ERRORS = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);
const SIDECAR = /\.xmp$/i;

/**
 * Live watching of one catalog folder with chokidar. Files still being written (a copy in
 * progress, a tethered camera) are reported once their size has stopped changing. When
 * the OS runs out of watches, the folder falls back to polling and says so.
 */
export class CatalogWatcher {
  private watcher: FSWatcher | null = null;
  private mode: WatchMode = 'off';
  private batch = emptyBatch();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: CatalogWatcherOptions) {}

  get watchMode(): WatchMode {
    return this.mode;
  }

  /** Resolves once the initial tree is being watched. */
  async start(): Promise<void> {
    await this.open(
      this.options.polling === true,
      this.options.polling ? 'Polling, as configured' : null,
    );
  }

  private async open(polling: boolean, reason: string | null): Promise<void> {
    const { root } = this.options;
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      usePolling: polling,
      interval: 1000,
      binaryInterval: 2000,
      awaitWriteFinish: { stabilityThreshold: 400, pollInterval: 100 },
      ignored: (path: string) => {
        const rel = this.relPath(path);
        if (rel === '') return false;
        // Sidecars are not assets, but their changes re-read the image they describe.
        return this.options.ignored(SIDECAR.test(rel) ? rel.replace(SIDECAR, '') : rel);
      },
    });
    this.watcher = watcher;
    watcher
      .on('add', (path) => this.record('upserts', path))
      .on('change', (path) => this.record('upserts', path))
      .on('unlink', (path) => this.record('removals', path))
      .on('unlinkDir', (path) => this.record('removedFolders', path))
      .on('error', (error) => {
        void this.handleError(error as NodeJS.ErrnoException);
      });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.setMode(polling ? 'polling' : 'native', reason);
  }

  /** The OS watch limit: switch this folder to polling rather than stop watching it. */
  async handleError(error: NodeJS.ErrnoException): Promise<void> {
    if (this.closed || this.mode === 'polling' || !LIMIT_ERRORS.has(error.code ?? '')) {
      if (!LIMIT_ERRORS.has(error.code ?? ''))
        console.warn(`packshot: watching ${this.options.root}: ${error.message}`);
      return;
    }
    await this.watcher?.close();
    this.watcher = null;
    if (this.closed) return;
    await this.open(
      true,
      `The system's file-watch limit was reached (${error.code}): this folder is polled`,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.watcher?.close();
    this.watcher = null;
    this.setMode('off', null);
  }

  private setMode(mode: WatchMode, reason: string | null): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.options.onMode(this.options.catalogId, mode, reason);
  }

  private relPath(path: string): string {
    return relative(this.options.root, path).split(sep).join('/');
  }

  private record(kind: keyof ChangeBatch, path: string): void {
    const rel = this.relPath(path);
    if (rel === '' && kind !== 'removedFolders') return;
    if (SIDECAR.test(rel) && kind !== 'removedFolders') this.batch.sidecars.push(rel);
    else this.batch[kind].push(rel);
    this.timer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 250);
  }

  private flush(): void {
    this.timer = null;
    const batch = this.batch;
    this.batch = emptyBatch();
    if (!this.closed) this.options.onBatch(this.options.catalogId, batch);
  }
}

function emptyBatch(): ChangeBatch {
  return { upserts: [], removals: [], removedFolders: [], sidecars: [] };
}
