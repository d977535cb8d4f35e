// Webhooks: subscriptions to engine events, delivered as signed POSTs (the engine's
// webhooks/). Editing methods: never part of the read-only /api/v1/.
import { z } from 'zod';
import {
  WEBHOOK_EVENTS,
  webhookUrlProblem,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookSubscription,
} from '../webhook-dto';
import { type } from '../phantom-type';
import { empty, id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const url = z.string().superRefine((text, ctx) => {
  const problem = webhookUrlProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const webhooksMethods = lazyMethods(() => ({
  /** A new subscription; its secret is in this answer only. */
  'webhooks.add': {
    args: z
      .object({
        url,
        events: z
          .array(z.enum(WEBHOOK_EVENTS))
          .min(1)
          .max(WEBHOOK_EVENTS.length)
          .transform((list) => [...new Set(list)]),
      })
      .strict(),
    result: type<WebhookCreated>(),
  },
  'webhooks.list': { args: empty, result: type<WebhookSubscription[]>() },
  /** Forgets a subscription and its delivery log (pending deliveries are dropped). */
  'webhooks.remove': { args: z.object({ id }).strict(), result: type<{ removed: boolean }>() },
  /** Sends `webhook.test` now (one attempt) and answers with its outcome. */
  'webhooks.test': { args: z.object({ id }).strict(), result: type<WebhookDelivery>() },
  /** The delivery log, newest first (one subscription's, or all). */
  'webhooks.deliveries': {
    args: z
      .object({
        subscriptionId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    result: type<WebhookDelivery[]>(),
  },
}));
