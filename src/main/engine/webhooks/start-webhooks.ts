// Builds webhooks for one engine: the service, its delivery job and the event feed listening
// on the bus. Each engine sees the events of its own process (README, "Webhooks").
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';
import type { JobRegistry } from '../jobs/job-registry';
import { WebhookRepo } from '../repositories/webhook-repo';
import { DEFAULT_DELIVERY, type DeliveryOptions } from './delivery-job';
import { DEFAULT_FEED, EventFeed, type FeedOptions } from './event-feed';
import { Webhooks } from './webhooks';

/** Tests shorten the waits (backoff, debounce); the defaults are the product's. */
export type WebhookOptions = Partial<DeliveryOptions & FeedOptions> & { resumeEveryMs?: number };

const RESUME_EVERY_MS = 30_000;

export interface WebhooksPart {
  hooks: Webhooks;
  /** Sends gathered bursts now and stops listening (before the job registry closes). */
  close(): void;
}

export function startWebhooks(
  db: Db,
  bus: EventBus,
  jobs: JobRegistry,
  options: WebhookOptions = {},
  resume = false,
): WebhooksPart {
  const repo = new WebhookRepo(db);
  const hooks = new Webhooks(db, repo, jobs, { ...DEFAULT_DELIVERY, ...options }, resume);
  const feed = new EventFeed(db, repo, hooks, jobs, { ...DEFAULT_FEED, ...options });
  const unsubscribe = bus.subscribe(feed.listener);
  // Engines that resume jobs (the app, serve) queue pending deliveries that no job carries
  // (a long wait, a closed engine's) once due: at start and every 30 s.
  const resumePending = () => {
    try {
      hooks.resumePending();
    } catch (error) {
      console.warn(`packshot: webhooks: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let timer: NodeJS.Timeout | null = null;
  if (resume) {
    resumePending();
    timer = setInterval(resumePending, options.resumeEveryMs ?? RESUME_EVERY_MS);
    timer.unref();
  }
  return {
    hooks,
    close: () => {
      if (timer) clearInterval(timer);
      unsubscribe();
      feed.flush();
      hooks.closing.abort();
      const { closeWait } = hooks;
      const closeWaitMs = options.closeWaitMs ?? DEFAULT_DELIVERY.closeWaitMs;
      setTimeout(() => closeWait.abort(), closeWaitMs).unref();
    },
  };
}
