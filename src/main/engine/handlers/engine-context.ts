import type { Handlers, MethodName } from '../../../shared/contract';
import type { EditResult } from '../../../shared/dto';
import type { SimilarIndex } from '../repositories/similar-index';
import type { AssetFileRepo } from '../repositories/asset-file-repo';
import type { AssetQueryRepo } from '../repositories/asset-query-repo';
import type { CatalogRepo } from '../repositories/catalog-repo';
import type { CullingEdits } from '../catalog/culling-edits';
import type { CollectionEdits } from '../collections/collection-edits';
import type { CollectionRepo } from '../repositories/collection-repo';
import type { Db } from '../db/open-database';
import type { EditLog } from '../edit/edit-log';
import type { EventBus } from '../events/event-bus';
import type { IndexQueue } from '../ingest/index-queue';
import type { ScanOutcome } from '../ingest/ingest-pipeline';
import type { CatalogIntake } from '../intake/evaluate-intake';
import type { MediaCache } from '../media/media-cache';
import type { EmbeddedPreviews } from '../tools/exiftool/raw-preview';
import type { TagEdits } from '../tags/tag-edits';
import type { TagRepo } from '../repositories/tag-repo';
import type { InteractiveGate } from '../jobs/interactive-gate';
import type { JobRegistry } from '../jobs/job-registry';
import type { AuditLog } from '../repositories/audit-log-repo';

/**
 * What the engine's parts share, built once by createEngine. Handler groups (handlers/)
 * receive it and answer one domain of the contract each.
 */
export interface EngineContext {
  readonly dataDir: string;
  /** True when catalogs are watched live (the app), false for one-shot commands. */
  readonly live: boolean;
  /** Background jobs hold back while someone browses (the grid scrolls, thumbnails asked). */
  readonly interactive: InteractiveGate;
  readonly db: Db;
  readonly bus: EventBus;
  readonly catalogs: CatalogRepo;
  readonly assets: AssetQueryRepo;
  readonly files: AssetFileRepo;
  readonly tags: TagRepo;
  readonly similar: SimilarIndex;
  readonly edits: EditLog;
  readonly culling: CullingEdits;
  readonly tagEdits: TagEdits;
  readonly cache: MediaCache;
  readonly previews: EmbeddedPreviews;
  readonly queue: IndexQueue;
  readonly intake: CatalogIntake;
  /** Durable, named jobs (jobs/): export, XMP write-back, preview pruning… */
  readonly jobs: JobRegistry;
  /** Queues a trim of the loupe preview cache to its budget. */
  prunePreviews: () => void;
  /** Queues the daily rights notices job (null: one is already live). */
  rightsDaily: () => number | null;
  readonly collections: CollectionRepo;
  readonly collectionEdits: CollectionEdits;
  /** The hash-chained audit log: domains record their changes inside their transactions. */
  readonly audit: AuditLog;
  /** After an edit: tells lists (and the keyword panel) to refetch, writes XMP back. */
  edited<R extends EditResult>(result: R, tagsChanged: boolean): R;
  /** The ids of every asset a search query finds (throws invalid_argument on a bad query). */
  idsFor(query: string): number[];
  /** Walks one catalog (one walk at a time per catalog) and queues what changed. */
  scan(id: number, after?: Promise<void>): Promise<ScanOutcome>;
  isWatching(id: number): boolean;
  startWatching(id: number): Promise<void>;
  stopWatching(id: number): Promise<void>;
  /** Resolves when start-up, every scan and the index queue are done, events sent. */
  idle(): Promise<void>;
}

/** A group of handlers: the methods of one domain. */
export type HandlerGroup<M extends MethodName> = Pick<Handlers, M>;

/** Every method of these namespaces (`assets` → assets.list, assets.get, …). */
export type NamespaceMethods<N extends string> = Extract<MethodName, `${N}.${string}`>;

/** The contract's EditResult, without the engine-internal list of touched assets. */
export function strip(result: EditResult & { touched?: number[] }): EditResult {
  return {
    changed: result.changed,
    step: result.step,
    canUndo: result.canUndo,
    canRedo: result.canRedo,
  };
}
