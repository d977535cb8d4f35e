// Each delivery is a durable job (`webhooks.deliver`, its row id in the arguments): the row
// in webhook_deliveries holds the attempts, the job keeps it moving. A short wait before a
// retry is slept in the job; a long one (a receiver down for hours) would hold one of the
// job's slots and hold up every other receiver's deliveries, so the job ends there, handing
// the pending row over: engines that resume jobs queue a job for every pending row without
// one once it is due (`resumePending`, at start and every 30 s). A crash leaves the job
// running under a dead owner, and the next engine that resumes jobs takes it over. On close
// the job finishes ('finish'): the first attempt is still made (a one-shot command sends its
// events; close waits at most the time limit), and a wait ends at once, handing the row
// over. Delivery is at least once: a receiver dedupes by the delivery id.
import { abortableSleep } from '../jobs/abortable-sleep';
import type { JobRegistry } from '../jobs/job-registry';
import type { JobType } from '../jobs/job-types';
import type { JobRepo } from '../repositories/job-repo';
import type { DeliveryRow, WebhookRepo } from '../repositories/webhook-repo';
import { postWebhook } from './post-webhook';

export const DELIVER_JOB = 'webhooks.deliver';

export interface DeliveryOptions {
  /** Wait before retry n (n = 1, 2…; the last entry repeats), each with ±20 % jitter. */
  backoffMs: readonly number[];
  /** Attempts in all (the first one and its retries) before a delivery is `failed`. */
  maxAttempts: number;
  /** One attempt's time limit, answer included. */
  timeoutMs: number;
  /** Settled deliveries kept per subscription. */
  keep: number;
  /** A wait longer than this ends the job; the row is queued again when due. */
  holdMs: number;
  /** How long a closing engine waits for attempts, all of them together (not per batch). */
  closeWaitMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  backoffMs: [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000],
  maxAttempts: 7,
  timeoutMs: 10_000,
  keep: 1000,
  holdMs: 15_000,
  closeWaitMs: 10_000,
};

export interface DeliverArgs {
  deliveryId: string;
}

/** Waits deliveries sit in at once per process (they only hold a timer while waiting). */
const CONCURRENCY = 32;
const KEEP_JOB_ROWS = 50;
/** Short waits slept at once (half the slots), in engines that queue handed-over rows again. */
const MAX_SLEEPING = CONCURRENCY / 2;

/**
 * `closing`: aborted when the engine closes (the job's own signal is not, as it finishes);
 * `closeWait`: aborted `closeWaitMs` later, ending attempts in flight and starting no more.
 * `handsOver`: this engine queues handed-over rows again (resumePending), so at most
 * MAX_SLEEPING short waits are slept at once and the others hand over too: a burst to a dead
 * receiver would otherwise hold every slot through its retry waits, delaying every receiver.
 */
export function defineDeliveryJob(
  jobs: JobRegistry,
  jobRows: JobRepo,
  repo: WebhookRepo,
  options: DeliveryOptions,
  closing: AbortSignal,
  closeWait: AbortSignal,
  handsOver: boolean,
): JobType<DeliverArgs> {
  let sleeping = 0;
  return jobs.define<DeliverArgs, { state: string }>({
    name: DELIVER_JOB,
    concurrency: CONCURRENCY,
    onClose: 'finish',
    label: (args) => `Webhook delivery ${args.deliveryId}`,
    run: async (ctx) => {
      const { args } = ctx;
      const signal = AbortSignal.any([ctx.signal, closing]);
      for (;;) {
        const row = repo.delivery(args.deliveryId);
        if (!row || row.state !== 'pending') return { state: row?.state ?? 'removed' };
        if (row.attempts > 0) {
          const wait = dueAt(row, options) - Date.now();
          if (wait > options.holdMs) return { state: 'pending' };
          if (wait > 0 && handsOver && sleeping >= MAX_SLEEPING) return { state: 'pending' };
          sleeping++;
          const slept = await abortableSleep(wait, signal).finally(() => sleeping--);
          if (!slept) {
            // Cancelled by the user (jobs.cancel): the delivery ends too, or it would be
            // queued again. Closing, or a lease lost: the row stays pending for others.
            const reason: unknown = ctx.signal.reason;
            if (!closing.aborted && reason instanceof Error && reason.message === 'job cancel') {
              repo.cancel(row.id, Date.now());
              return { state: 'failed' };
            }
            return { state: 'pending' };
          }
        }
        // Close has waited long enough: the row stays pending, untried, for the next engine.
        if (closeWait.aborted) return { state: 'pending' };
        const state = await attempt(repo, row, options, closeWait);
        if (state === 'pending') continue;
        // The delivery log is the record: finished job rows of deliveries would crowd the
        // exports out of the jobs list (it keeps the newest 200 finished rows of all names).
        jobRows.pruneName(DELIVER_JOB, KEEP_JOB_ROWS);
        return { state };
      }
    },
  });
}

async function attempt(
  repo: WebhookRepo,
  row: DeliveryRow,
  options: DeliveryOptions,
  closeWait: AbortSignal,
) {
  const sub = repo.subscription(row.subscription_id);
  if (!sub) return 'failed';
  const outcome = await postWebhook({
    url: sub.url,
    secret: sub.secret,
    event: row.event,
    deliveryId: row.id,
    body: row.body,
    timeoutMs: options.timeoutMs,
    closeWait,
  });
  const at = Date.now();
  const attempts = row.attempts + 1;
  const state = outcome.ok ? 'delivered' : attempts >= row.max_attempts ? 'failed' : 'pending';
  const nextAt = state === 'pending' ? at + jitter(backoff(options, attempts)) : null;
  repo.recordAttempt(row.id, { at, state, status: outcome.status, error: outcome.error, nextAt });
  if (state !== 'pending') repo.trim(row.subscription_id, options.keep);
  return state;
}

/** When a pending row's next attempt is due: as scheduled, at most this engine's backoff. */
export function dueAt(
  row: Pick<DeliveryRow, 'attempts' | 'last_attempt_at' | 'next_attempt_at'>,
  options: DeliveryOptions,
): number {
  if (row.attempts === 0) return 0;
  const latest = (row.last_attempt_at ?? 0) + backoff(options, row.attempts) * 1.2;
  return Math.min(row.next_attempt_at ?? 0, latest);
}

function backoff(options: DeliveryOptions, attempts: number): number {
  const list = options.backoffMs;
  return list[Math.min(attempts, list.length) - 1] ?? 0;
}

function jitter(ms: number): number {
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}
