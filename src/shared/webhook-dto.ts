// Webhooks: the events a subscription may ask for, what the engine shows of a subscription
// and of a delivery, and the one check of a receiver's URL (pure; the CLI and the methods'
// schema use it too).

export const WEBHOOK_EVENTS = [
  'product.media.changed',
  'asset.indexed',
  'export.finished',
  'rights.expiring',
  'webhook.test',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A URL is at most this long (receivers' URLs are short; a long one is a mistake or abuse). */
export const WEBHOOK_URL_MAX = 2048;

export interface WebhookSubscription {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: string;
}

/** What `webhooks.add` answers: the secret, shown this once. */
export interface WebhookCreated extends WebhookSubscription {
  secret: string;
}

export interface WebhookDelivery {
  /** The delivery's id, sent as `x-packshot-delivery` and as the body's `id`. */
  id: string;
  subscriptionId: number;
  event: WebhookEvent;
  state: DeliveryState;
  attempts: number;
  /** The last answer's HTTP status, else null (no answer: see lastError). */
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** Why a receiver's URL is refused, or null when it is fine. */
export function webhookUrlProblem(text: string): string | null {
  if (text.length > WEBHOOK_URL_MAX)
    return `A webhook URL is at most ${WEBHOOK_URL_MAX} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `Not a URL: ${text.slice(0, 100)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `A webhook URL must be http: or https:, not ${url.protocol}`;
  if (url.username !== '' || url.password !== '')
    return 'A webhook URL must not carry a user name or password';
  if (url.hostname === '') return 'A webhook URL needs a host';
  return null;
}
