// Subscriptions and deliveries: add, list, remove, test, the log, and `send`, which turns
// one event into a delivery row and its durable job per subscription that asked for it (in
// one write transaction, so a crash leaves both or neither).
import { randomBytes } from 'node:crypto';
import { PackshotError } from '../../../shared/errors';
import type {
  WebhookCreated,
  WebhookDelivery,
  WebhookEvent,
  WebhookSubscription,
} from '../../../shared/webhook-dto';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { JobRegistry } from '../jobs/job-registry';
import type { JobType } from '../jobs/job-types';
import { JobRepo } from '../repositories/job-repo';
import type { DeliveryRow, SubscriptionRow, WebhookRepo } from '../repositories/webhook-repo';
import {
  DELIVER_JOB,
  defineDeliveryJob,
  dueAt,
  type DeliverArgs,
  type DeliveryOptions,
} from './delivery-job';
import { newSecret } from './sign-payload';

export const PRODUCT_MEDIA = 'product.media.changed';

export class Webhooks {
  private readonly deliver: JobType<DeliverArgs>;
  /** Aborted at engine close: deliveries stop waiting for their next attempt. */
  readonly closing = new AbortController();
  /** Aborted once a closing engine has waited `closeWaitMs`: attempts end, none start. */
  readonly closeWait = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly repo: WebhookRepo,
    private readonly jobs: JobRegistry,
    private readonly options: DeliveryOptions,
    handsOver = false,
  ) {
    this.deliver = defineDeliveryJob(
      jobs,
      new JobRepo(db),
      repo,
      options,
      this.closing.signal,
      this.closeWait.signal,
      handsOver,
    );
  }

  /** Queues a job for each due pending delivery without one (handed over by its job). */
  resumePending(): number {
    return writeTransaction(this.db, () => {
      const now = Date.now();
      const due = this.repo.orphans(DELIVER_JOB).filter((r) => dueAt(r, this.options) <= now);
      for (const row of due) this.deliver.enqueue({ deliveryId: row.id });
      return due.length;
    });
  }

  add(url: string, events: readonly WebhookEvent[]): WebhookCreated {
    const secret = newSecret();
    const id = writeTransaction(this.db, () => {
      // The first subscription to product media starts from the links as they are now.
      if (events.includes(PRODUCT_MEDIA) && !this.wants(PRODUCT_MEDIA)) {
        this.repo.clearProductMedia();
        this.repo.saveProductMedia(this.repo.currentProductMedia(), []);
      }
      return this.repo.addSubscription(url, events, secret, Date.now());
    });
    return { ...subscriptionOf(this.require(id)), secret };
  }

  list(): WebhookSubscription[] {
    return this.repo.subscriptions().map(subscriptionOf);
  }

  remove(id: number): boolean {
    return this.repo.removeSubscription(id);
  }

  deliveries(subscriptionId: number | null, limit: number): WebhookDelivery[] {
    return this.repo.deliveries(subscriptionId, limit).map(deliveryOf);
  }

  /** Sends `webhook.test` to one subscription now, one attempt, and answers its outcome. */
  async test(id: number): Promise<WebhookDelivery> {
    const sub = this.require(id);
    const { deliveryId, jobId } = writeTransaction(this.db, () =>
      this.queue(sub, 'webhook.test', { subscriptionId: id, message: 'Hello from Packshot' }, 1),
    );
    // The row is the outcome; the job's own row may already be pruned by other deliveries.
    await this.jobs.wait(jobId).catch(() => undefined);
    const row = this.repo.delivery(deliveryId);
    if (!row) throw new PackshotError('not_found', `Webhook ${id} was removed meanwhile`);
    return deliveryOf(row);
  }

  /** True when an active subscription asks for `event` (cheap: skip the work otherwise). */
  wants(event: WebhookEvent): boolean {
    return this.repo.subscriptions().some((s) => s.active && eventsOf(s).includes(event));
  }

  /** One delivery per active subscription that asked for `event`; returns how many. */
  send(event: WebhookEvent, data: unknown): number {
    return writeTransaction(this.db, () => {
      const subs = this.repo.subscriptions().filter((s) => s.active && eventsOf(s).includes(event));
      for (const sub of subs) this.queue(sub, event, data, this.options.maxAttempts);
      return subs.length;
    });
  }

  private queue(sub: SubscriptionRow, event: WebhookEvent, data: unknown, max: number) {
    const now = Date.now();
    const deliveryId = deliveryIdAt(now);
    const body = JSON.stringify({
      id: deliveryId,
      event,
      createdAt: new Date(now).toISOString(),
      data,
    });
    this.repo.insertDelivery({ id: deliveryId, subscription_id: sub.id, event, body }, max, now);
    return { deliveryId, jobId: this.deliver.enqueue({ deliveryId }) };
  }

  private require(id: number): SubscriptionRow {
    const sub = this.repo.subscription(id);
    if (!sub) throw new PackshotError('not_found', `No webhook ${id}`);
    return sub;
  }
}

/** Sortable by time, unique by chance: `whd_` + ms in hex + 8 random bytes. */
function deliveryIdAt(now: number): string {
  return `whd_${now.toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
}

function eventsOf(sub: SubscriptionRow): WebhookEvent[] {
  return JSON.parse(sub.events) as WebhookEvent[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function subscriptionOf(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: eventsOf(row),
    active: row.active !== 0,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    event: row.event,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
  };
}
