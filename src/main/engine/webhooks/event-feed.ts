// Engine events → webhook events. Bursts become one delivery: indexed assets are gathered
// until the library has been quiet for `debounceMs` (at most `maxWaitMs`, or `maxBatch`
// assets), and product link changes are compared in one pass after the same quiet time.
// `products.changed` does not say which product changed (a dozen places emit it, undo
// included), so the feed compares each product's links with what webhooks last saw
// (webhook_product_media) in one write transaction: a change is sent once, by whichever
// process looks first, and a change that is undone before anyone looks is no change.
import type { EventName, EventPayload } from '../../../shared/contract';
import type { ThumbReady } from '../../../shared/dto';
import type { ExportSummary } from '../../../shared/export-dto';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { JobRegistry } from '../jobs/job-registry';
import type { ProductMedia, WebhookRepo } from '../repositories/webhook-repo';
import { PRODUCT_MEDIA, type Webhooks } from './webhooks';

export interface FeedOptions {
  debounceMs: number;
  maxWaitMs: number;
  maxBatch: number;
}

export const DEFAULT_FEED: FeedOptions = { debounceMs: 1000, maxWaitMs: 10_000, maxBatch: 1000 };

// export/'s EXPORT_JOB: that folder sits above this one, so the name is repeated here.
const EXPORT_JOB = 'export';
const LICENCE_ASSETS = 1000;

export class EventFeed {
  private indexed: ThumbReady[] = [];
  private indexTimer: Debounce;
  private productTimer: Debounce;
  private readonly exportsSent = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly repo: WebhookRepo,
    private readonly hooks: Webhooks,
    private readonly jobs: JobRegistry,
    private readonly options: FeedOptions,
  ) {
    this.indexTimer = new Debounce(options, () => this.flushIndexed());
    this.productTimer = new Debounce(options, () => this.compareProducts());
  }

  readonly listener = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    if (name === 'assets.indexed') this.onIndexed(payload as EventPayload<'assets.indexed'>);
    else if (name === 'products.changed') this.productTimer.poke();
    else if (name === 'jobs.changed') this.onJob(payload as EventPayload<'jobs.changed'>);
    else if (name === 'rights.changed') this.onRights(payload as EventPayload<'rights.changed'>);
  };

  /** Sends what is gathered now (engine close: before the job registry stops). */
  flush(): void {
    this.indexTimer.now();
    this.productTimer.now();
  }

  private onIndexed({ items }: EventPayload<'assets.indexed'>): void {
    const ok = items.filter((i) => i.state === 'ok' && i.hash !== null);
    if (ok.length === 0) return;
    this.indexed.push(...ok);
    this.indexTimer.poke();
    if (this.indexed.length >= this.options.maxBatch) this.indexTimer.now();
  }

  private flushIndexed(): void {
    while (this.indexed.length > 0) {
      const batch = this.indexed.splice(0, this.options.maxBatch);
      if (!this.hooks.wants('asset.indexed')) continue;
      this.hooks.send('asset.indexed', {
        count: batch.length,
        assets: batch.map((i) => ({ assetId: i.id, hash: i.hash })),
      });
    }
  }

  private compareProducts(): void {
    if (!this.hooks.wants(PRODUCT_MEDIA)) return;
    writeTransaction(this.db, () => {
      const seen = new Map(this.repo.seenProductMedia().map((p) => [p.productId, p]));
      const save: ProductMedia[] = [];
      const changed: ProductMedia[] = [];
      for (const now of this.repo.currentProductMedia()) {
        const before = seen.get(now.productId);
        seen.delete(now.productId);
        // A new product without media yet has nothing to tell; a new SKU alone is no media change.
        const media = (before?.fingerprint ?? '') !== now.fingerprint;
        if (!before || media || before.sku !== now.sku) save.push(now);
        if (media) changed.push(now);
      }
      const gone = [...seen.values()];
      this.repo.saveProductMedia(
        save,
        gone.map((p) => p.productId),
      );
      for (const p of changed) this.sendProduct(p, false);
      for (const p of gone) if (p.fingerprint !== '') this.sendProduct(p, true);
    });
  }

  private sendProduct(p: ProductMedia, deleted: boolean): void {
    const media = p.fingerprint === '' ? 0 : p.fingerprint.split(',').length;
    this.hooks.send(PRODUCT_MEDIA, { productId: p.productId, sku: p.sku, media, deleted });
  }

  private onJob({ job }: EventPayload<'jobs.changed'>): void {
    if (!job || job.name !== EXPORT_JOB || job.owner === 'other') return;
    if (job.state !== 'done' && job.state !== 'failed' && job.state !== 'cancelled') return;
    if (this.exportsSent.has(job.id) || !this.hooks.wants('export.finished')) return;
    this.exportsSent.add(job.id);
    const row = this.jobs.row(job.id);
    const summary = row?.result ? (JSON.parse(row.result) as ExportSummary) : null;
    this.hooks.send('export.finished', {
      jobId: String(job.id),
      outcome: summary?.state ?? job.state,
      presets: summary?.presets ?? [],
      counts: summary
        ? {
            products: summary.products,
            planned: summary.planned,
            rendered: summary.rendered,
            unchanged: summary.unchanged,
            skipped: summary.skipped,
            failed: summary.failed,
            removed: summary.removed,
          }
        : null,
      dryRun: summary?.dryRun ?? false,
      error: job.error,
    });
  }

  private onRights(payload: EventPayload<'rights.changed'>): void {
    const newly = payload.newly;
    if (!newly || !this.hooks.wants('rights.expiring')) return;
    const all = [
      ...newly.expiring.map((id) => ({ id, status: 'expiring' })),
      ...newly.expired.map((id) => ({ id, status: 'expired' })),
    ];
    for (const { id, status } of all) {
      const licence = this.repo.licence(id);
      if (!licence) continue;
      const { ids, total } = this.repo.licenceAssets(id, LICENCE_ASSETS);
      this.hooks.send('rights.expiring', {
        licenceId: id,
        licence: licence.name,
        endsOn: licence.ends_on,
        status,
        assetIds: ids,
        assets: total,
      });
    }
  }
}

/** Runs `fire` once calls stop for `debounceMs`, or `maxWaitMs` after the first call. */
class Debounce {
  private timer: NodeJS.Timeout | null = null;
  private first = 0;

  constructor(
    private readonly options: FeedOptions,
    private readonly fire: () => void,
  ) {}

  poke(): void {
    const now = Date.now();
    if (this.timer === null) this.first = now;
    else clearTimeout(this.timer);
    const wait = Math.min(this.options.debounceMs, this.first + this.options.maxWaitMs - now);
    this.timer = setTimeout(() => this.now(), Math.max(0, wait));
    this.timer.unref();
  }

  now(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    try {
      this.fire();
    } catch (error) {
      // A busy or closing library: this burst is not sent (the next change compares again).
      console.warn(`packshot: webhooks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
