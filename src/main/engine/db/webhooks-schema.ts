// Migration 24 (issue #17): webhooks. A subscription (URL, events as a JSON array, the secret
// that signs its POSTs); a delivery per event and subscription, whose id (random, sent to the
// receiver) names it, with its attempts and last answer; and what each product's media
// links were when webhooks last looked (a fingerprint per product), so `product.media.changed`
// is sent once for a change whichever process notices it. Times are epoch ms.
export const WEBHOOKS_SCHEMA = `
      CREATE TABLE webhook_subscriptions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        url         TEXT NOT NULL,
        events      TEXT NOT NULL,
        secret      TEXT NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1,
        created_at  INTEGER NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id               TEXT PRIMARY KEY,
        subscription_id  INTEGER NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        event            TEXT NOT NULL,
        body             TEXT NOT NULL,
        state            TEXT NOT NULL DEFAULT 'pending'
                         CHECK (state IN ('pending', 'delivered', 'failed')),
        max_attempts     INTEGER NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        last_status      INTEGER,
        last_error       TEXT,
        created_at       INTEGER NOT NULL,
        last_attempt_at  INTEGER,
        next_attempt_at  INTEGER,
        delivered_at     INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX webhook_deliveries_by_subscription
        ON webhook_deliveries (subscription_id, created_at);
      CREATE TABLE webhook_product_media (
        product_id   INTEGER PRIMARY KEY,
        sku          TEXT NOT NULL,
        fingerprint  TEXT NOT NULL
      );
    `;
