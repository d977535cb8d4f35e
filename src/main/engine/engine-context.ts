import type { Handlers, MethodName } from '../../shared/contract';
import type { EditResult } from '../../shared/dto';
import type { SimilarIndex } from './analysis/similar-index';
import type { AssetRepo } from './catalog/asset-repo';
import type { CatalogRepo } from './catalog/catalog-repo';
import type { CollectionEdits } from './collections/collection-edits';
import type { CollectionRepo } from './collections/collection-repo';
import type { Db } from './db/open-database';
import type { EditLog } from './edit/edit-log';
import type { EventBus } from './events/event-bus';
import type { IndexQueue } from './index/index-queue';
import type { IntakeRepo } from './intake/intake-repo';
import type { JobRegistry } from './jobs/job-registry';
import type { MediaCache } from './media/media-cache';
import type { EmbeddedPreviews } from './media/raw-preview';
import type { TagEdits } from './tags/tag-edits';
import type { TagRepo } from './tags/tag-repo';

export interface ScanOutcome {
  listed: number;
  queued: number;
}

/**
 * What the engine's parts share, built once by createEngine. Handler groups (handlers/)
 * receive it and answer one domain of the contract each.
 */
export interface EngineContext {
  readonly dataDir: string;
  /** True when catalogs are watched live (the app), false for one-shot commands. */
  readonly live: boolean;
  readonly db: Db;
  readonly bus: EventBus;
  readonly catalogs: CatalogRepo;
  readonly assets: AssetRepo;
  readonly tags: TagRepo;
  readonly similar: SimilarIndex;
  readonly edits: EditLog;
  readonly tagEdits: TagEdits;
  readonly cache: MediaCache;
  readonly previews: EmbeddedPreviews;
  readonly queue: IndexQueue;
  /** Durable, named jobs (jobs/): export, XMP write-back, preview pruning… */
  readonly jobs: JobRegistry;
  /** Queues a trim of the loupe preview cache to its budget. */
  prunePreviews: () => void;
  readonly intake: IntakeRepo;
  readonly collections: CollectionRepo;
  readonly collectionEdits: CollectionEdits;
  /** After an edit: tells lists (and the keyword panel) to refetch, writes XMP back. */
  edited<R extends EditResult>(result: R, tagsChanged: boolean, touched?: readonly number[]): R;
  /** The ids of every asset a search query finds (throws invalid_argument on a bad query). */
  idsFor(query: string): number[];
  /** Walks one catalog (one walk at a time per catalog) and queues what changed. */
  scan(id: number, after?: Promise<void>): Promise<ScanOutcome>;
  isWatching(id: number): boolean;
  startWatching(id: number): Promise<void>;
  stopWatching(id: number): Promise<void>;
  /** Resolves when every scan running now (and any they start) has finished. */
  scansSettled(): Promise<void>;
  /** Resolves when start-up watching and reconciliation are queued. */
  ready(): Promise<void>;
  /** Sends the batched assets.indexed event now. */
  flushIndexed(): void;
}

/** A group of handlers: the methods of one domain. */
export type HandlerGroup<M extends MethodName> = Pick<Handlers, M>;

/** The contract's EditResult, without the engine-internal list of touched assets. */
export function strip(result: EditResult & { touched?: number[] }): EditResult {
  return {
    changed: result.changed,
    step: result.step,
    canUndo: result.canUndo,
    canRedo: result.canRedo,
  };
}
