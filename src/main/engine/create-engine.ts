import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { WatchMode } from '../../shared/dto';
import type { PageRequest, ServedKind } from '../../shared/bridge';
import { PageImages } from './media/page-images';
import { SimilarIndex } from './repositories/similar-index';
import { CatalogRepo } from './repositories/catalog-repo';
import { CullingEdits } from './catalog/culling-edits';
import { PlaceholderRepo } from './repositories/placeholder-repo';
import { MediaFactsRepo } from './repositories/media-facts-repo';
import { SidecarRepo } from './repositories/sidecar-repo';
import { CollectionEdits } from './collections/collection-edits';
import { CollectionRepo } from './repositories/collection-repo';
import { SpinRepo } from './repositories/spin-repo';
import { SpinEdits } from './spins/spin-edits';
import { spinHandlers } from './handlers/spin-handlers';
import { IdleCheckpoint } from './db/idle-checkpoint';
import { openDatabase } from './db/open-database';
import { EditLog } from './edit/edit-log';
import { editEffects } from './events/edit-effects';
import type { EngineContext } from './handlers/engine-context';
import { EventBus, type AnyEventListener } from './events/event-bus';
import { assetHandlers } from './handlers/asset-handlers';
import { catalogHandlers } from './handlers/catalog-handlers';
import { collectionHandlers } from './handlers/collection-handlers';
import { editHandlers } from './handlers/edit-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { intakeHandlers } from './handlers/intake-handlers';
import { jobHandlers } from './handlers/job-handlers';
import { releaseEditHandlers } from './handlers/release-edit-handlers';
import { productHandlers } from './handlers/product-handlers';
import { rightsHandlers } from './handlers/rights-handlers';
import { RightsEdits } from './rights-edits/rights-edits';
import { tagHandlers } from './handlers/tag-handlers';
import { uploadHandlers } from './handlers/upload-handlers';
import { versionHandlers } from './handlers/version-handlers';
import { VersionOps } from './versions/version-ops';
import { WrittenContent } from './ingest/written-content';
import { VersionStore } from './media/version-store';
import { KeepClones } from './media/keep-clones';
import { CloneSupportRepo } from './repositories/clone-support-repo';
import type { CloneFile } from './tools/files/clone-file';
import { usageHandlers } from './handlers/usage-handlers';
import { AuditLog } from './repositories/audit-log-repo';
import { IngestPipeline } from './ingest/ingest-pipeline';
import { JobRegistry } from './jobs/job-registry';
import { trackQueue } from './jobs/track-queue';
import { InteractiveGate } from './jobs/interactive-gate';
import { definePruneJob } from './media/prune-job';
import { defineWhiteBorderBackfill } from './media/white-border-backfill';
import { JobRepo } from './repositories/job-repo';
import { defineXmpJob } from './catalog/xmp-job';
import { compileIntake } from './intake/evaluate-intake';
import { IntakeRepo } from './repositories/intake-repo';
import { MediaCache, type MediaKind } from './media/media-cache';
import { servedMedia } from './served-media';
import { EmbeddedPreviews } from './tools/exiftool/raw-preview';
import { ProductParts } from './products/product-parts';
import { AssetFileRepo } from './repositories/asset-file-repo';
import { AssetQueryRepo } from './repositories/asset-query-repo';
import { IndexWriteRepo } from './repositories/index-write-repo';
import { VersionRepo } from './repositories/version-repo';
import { XmpTargetRepo } from './repositories/xmp-target-repo';
import { queryIds } from './repositories/query-ids';
import { TagEdits } from './tags/tag-edits';
import { TagRepo } from './repositories/tag-repo';
import { XmpWriter } from './tools/exiftool/xmp-writer';
import { setImageThreads } from './tools/sharp/render-thumbnail';
import { setHashCores } from './media/hash-workers';
import { setModelWorkerCores } from './tools/gltf/run-model-worker';
import { dailyDue, defineRightsDailyJob, scheduleRightsDaily } from './handlers/rights-daily-job';
import { today } from './rights/licence-dates';
import { RenditionCache } from './renditions/rendition-cache';
import {
  DOCUMENT_PAGE_WIDTH,
  RenditionService,
  type RenditionAnswer,
  type RenditionRequest,
} from './renditions/rendition-service';
import { webhookHandlers } from './handlers/webhook-handlers';
import { analysisHandlers } from './handlers/analysis-handlers';
import { aiParts } from './ai/ai-parts';
import { faceGroupHandlers } from './handlers/face-group-handlers';
import { FaceGroupEdits } from './ai/face-group-edits';
import { linkSuggestionHandlers } from './handlers/link-suggestion-handlers';
import { startWebhooks, type WebhookOptions } from './webhooks/start-webhooks';
import { SemanticSearch } from './ai/semantic-search';
import { withSemanticQueries } from './handlers/semantic-queries';

export interface EngineOptions {
  dataDir: string;
  /**
   * Cores to use: parallel index jobs and libvips threads per image. Defaults to the cores
   * this process may use; hosts pass the count their entry sized the thread pool for.
   */
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
  /** Byte budget of renditions by URL (cache/renditions/); default 2 GB. */
  renditionCacheBytes?: number;
  /** Tests only: how the version store clones a file (a file system that clones, or not). */
  cloneFile?: CloneFile;
  /** Tests only: shorter webhook waits (backoff, debounce, time limit). */
  webhooks?: WebhookOptions;
}

export interface Engine {
  readonly handlers: Handlers;
  readonly dataDir: string;
  subscribe(listener: AnyEventListener): () => void;
  /** The cached file for a media key (a hash; two for a diff) of content some asset has or had, else null. */
  resolveMedia(kind: MediaKind, key: string): string | null;
  /** A registered document's page as PNG at that width (painted on first request), else null. */
  resolvePage(request: PageRequest): Promise<string | null>;
  /**
   * What hosts serve under `/media/<kind>/<key>`: cached media as resolveMedia, a video's
   * scrub strip (made on first ask), a registered video's own file for playback, or a
   * model's GLB for the viewer (its own file, or packed on first ask).
   */
  mediaFile(kind: ServedKind, key: string): Promise<string | null>;
  /** A rendition by URL (`/api/v1/render/…`): a cached or freshly rendered file, or why not. */
  rendition(request: RenditionRequest): Promise<RenditionAnswer>;
  /** Resolves when watchers are running and the start-up reconciliation is queued. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root: opens the library, builds each part once and wires them together.
 * It holds no pipeline or domain logic; see docs/ARCHITECTURE.md for where each part lives.
 */
export function createEngine(options: EngineOptions): Engine {
  const cores = Math.max(1, options.concurrency ?? availableParallelism());
  setImageThreads(cores);
  setHashCores(cores);
  setModelWorkerCores(cores);
  const db = openDatabase(join(options.dataDir, 'packshot.db'), {
    nativeBinding: options.sqliteBinding,
  });
  const bus = new EventBus();
  const checkpoint = new IdleCheckpoint(db);

  // Repositories: SQL lives only in these.
  const catalogs: CatalogRepo = new CatalogRepo(db, (id): WatchMode => ingest.watchModeOf(id));
  // The hash-chained log of changes (links, versions, exports, rights and approvals).
  const audit = new AuditLog(db);
  const versions = new VersionRepo(db, audit);
  const assets = new AssetQueryRepo(db, versions, true, options.watch ?? false);
  const files = new AssetFileRepo(db);
  const writes = new IndexWriteRepo(db);
  const xmpTargets = new XmpTargetRepo(db);
  const tags = new TagRepo(db);
  const similar = new SimilarIndex(db);
  const sidecars = new SidecarRepo(db);
  const mediaFacts = new MediaFactsRepo(db);
  const placeholders = new PlaceholderRepo(db);
  const intake = new IntakeRepo(db, compileIntake);
  const collections = new CollectionRepo(db);

  // Tools.
  const cache = new MediaCache(join(options.dataDir, 'cache'));
  cache.sweepTemp();
  // Old bytes of replaced files (and free clones of originals), never inside a catalog.
  const storeRoot = join(options.dataDir, 'versions');
  const store = new VersionStore(storeRoot, options.cloneFile);
  store.sweepTemp();
  const keepClones = new KeepClones(store, storeRoot, new CloneSupportRepo(db));
  // A restore's checked bytes, handed from the version ops to indexing (hashed once).
  const written = new WrittenContent();
  const pages = new PageImages(cache, files);
  const previews = new EmbeddedPreviews();
  const xmp = new XmpWriter();
  const renditionCache = new RenditionCache(
    join(options.dataDir, 'cache', 'renditions'),
    options.renditionCacheBytes ?? 2e9,
  );
  const renditions = new RenditionService(db, renditionCache, cores, (hash) =>
    pages.file({ hash, page: 1, width: DOCUMENT_PAGE_WIDTH }),
  );

  const resumes = options.resumeJobs ?? options.watch ?? false;
  // Durable jobs: long-lived engines take over what dead processes left; one-shots do not.
  const jobs = new JobRegistry(new JobRepo(db), {
    adopt: resumes,
    onChange: (job) => bus.emit('jobs.changed', { job }),
  });
  // Write-back is a durable job: its row commits with the edit (in onTouched, withinIndex) and
  // it starts after the commit, so a crash at any point is made good by the next engine.
  const writeBack = defineXmpJob(jobs, xmpTargets, xmp, cache, store);
  const prunePreviews = definePruneJob(jobs, cache, options.previewCacheBytes);
  const rightsDaily = defineRightsDailyJob(jobs, db, bus, today);
  // Webhooks: engine events → signed POSTs, each delivery a durable job.
  const webhooks = startWebhooks(db, bus, jobs, options.webhooks, resumes);

  // Domains.
  // Each domain registers its undo kinds with the log as it is built.
  const edits = new EditLog(db, writeBack);
  const culling = new CullingEdits(db, edits);
  const tagEdits = new TagEdits(tags, edits);
  const productParts = new ProductParts(db, edits, audit);
  const collectionEdits = new CollectionEdits(collections, edits);
  const rightsEdits = new RightsEdits(db, edits, audit);
  const spinRepo = new SpinRepo(db);
  const spinEdits = new SpinEdits(spinRepo, edits);

  const ingest: IngestPipeline = new IngestPipeline(
    {
      ...{ db, bus, catalogs, assets, files, writes, versions, tags, similar, sidecars },
      ...{ placeholders, intake, cache, previews, keepClones, written, mediaFacts },
      // In the index result's transaction: filename rules marked auto link a file as it
      // arrives (this asset only, no scan), and tags the intake rules gave go back to XMP
      // like any other.
      withinIndex: (id, intakeTagged) => {
        if (intakeTagged) writeBack([id]);
        return productParts.autoLink(id);
      },
    },
    {
      concurrency: cores,
      watch: options.watch ?? false,
      polling: options.polling,
      quickLook: options.quickLook ?? options.watch ?? false,
      afterIndex: (outcome) => {
        if (!outcome.linked) return;
        bus.emit('products.changed', {});
        bus.emit('assets.changed', { catalogId: null });
      },
      // Each burst of index work is an `index` job row, mirrored from the queue; when it
      // ends, a live engine analyses what it brought in.
      onProgress: (progress) => {
        indexJob.onProgress(progress);
        ai.afterIndex(progress);
      },
    },
  );
  const indexJob = trackQueue(jobs, ingest.queue, {
    resume: () => ingest.queue.enqueue(files.unfinishedIds()),
  });

  // Background jobs wait while someone browses (the grid scrolls, thumbnails are asked for).
  const interactive = new InteractiveGate();
  const ctx: EngineContext = {
    dataDir: options.dataDir,
    live: options.watch ?? false,
    db,
    bus,
    catalogs,
    assets,
    files,
    tags,
    similar,
    edits,
    culling,
    tagEdits,
    cache,
    previews,
    queue: ingest.queue,
    jobs,
    prunePreviews,
    rightsDaily,
    intake,
    collections,
    collectionEdits,
    audit,
    edited: editEffects({ bus, checkpointSoon: () => checkpoint.soon() }),
    idsFor: (text) => queryIds(assets, text),
    scan: (id, after) => ingest.scan(id, after),
    isWatching: (id) => ingest.watching.has(id),
    startWatching: (id) => ingest.watching.start(id),
    stopWatching: (id) => ingest.watching.stop(id),
    idle: () => ingest.idle(),
    interactive,
  };

  const whiteBorders = defineWhiteBorderBackfill(jobs, ctx); // indexed before migration 26
  // The offline AI: its low-priority process, the `ai` job (queued after indexing when live).
  const ai = aiParts({
    ...{ db, jobs, edits, tags, files, cache, previews, prunePreviews, live: resumes },
    ...{ dataDir: options.dataDir, idsFor: (q) => ctx.idsFor(q), bus },
    indexBusy: () => ingest.queue.status().running,
    interactive,
  });
  const versionOps = new VersionOps({
    ...{ files, versions, store, cache },
    clones: keepClones,
    queue: ingest.queue,
    audit,
    written,
  });

  // One group of handlers per domain of the contract (handlers/).
  const handlers: Handlers = {
    ...catalogHandlers(ctx),
    ...releaseEditHandlers(ctx),
    ...assetHandlers(ctx),
    ...tagHandlers(ctx),
    ...editHandlers(ctx),
    ...jobHandlers(ctx),
    ...productHandlers(ctx, productParts),
    ...uploadHandlers(productParts.uploads),
    ...exportHandlers(ctx, { concurrency: options.exportConcurrency ?? Math.max(2, cores) }),
    ...intakeHandlers(ctx),
    ...collectionHandlers(ctx),
    ...spinHandlers(ctx, { repo: spinRepo, edits: spinEdits }),
    ...versionHandlers(ctx, versionOps, store, productParts.uploads),
    ...usageHandlers(ctx),
    ...rightsHandlers(ctx, rightsEdits),
    ...webhookHandlers(webhooks.hooks),
    ...analysisHandlers(ctx, ai),
    ...faceGroupHandlers(ctx, new FaceGroupEdits(db, edits, audit)),
    ...linkSuggestionHandlers(ctx, productParts),
  };

  let closing: Promise<void> | undefined;
  const ready = ingest.start();
  // What a crash or a quit left unfinished resumes now: dead processes' jobs too.
  jobs.start();
  void ready.then(
    () => ai.started(),
    () => undefined,
  );
  if (resumes) void ready.then(whiteBorders, () => undefined);
  // Licence notices: engines that resume jobs (the app, serve) queue the daily job.
  const stopDaily = resumes
    ? scheduleRightsDaily(rightsDaily, dailyDue(db, today))
    : () => undefined;

  // `~"…"` and like: (the user's CLIP model in <data>/models/clip); ~ texts embedded first.
  const semantic = new SemanticSearch(db, options.dataDir);
  return {
    handlers: withSemanticQueries(handlers, semantic, collections),
    dataDir: options.dataDir,
    ready,
    subscribe: (listener) => bus.subscribe(listener),
    ...servedMedia({ assets, versions, files, cache, pages, renditions, interactive }),
    // Idempotent: a host may close on a signal and again on exit.
    close: () =>
      (closing ??= (async () => {
        stopDaily();
        await ingest.close();
        webhooks.close(); // gathered bursts become deliveries before jobs stop
        await jobs.close();
        await ai.close();
        await previews.close();
        await xmp.close();
        await renditionCache.settled();
        checkpoint.dispose();
        db.close();
      })()),
  };
}
