// Webhooks (migration 24): subscriptions, the delivery log, and the product media each
// subscription was last told about. Every statement about these tables.
import type { DeliveryState, WebhookEvent } from '../../../shared/webhook-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface SubscriptionRow {
  id: number;
  url: string;
  events: string;
  secret: string;
  active: number;
  created_at: number;
}

export interface DeliveryRow {
  id: string;
  subscription_id: number;
  event: WebhookEvent;
  body: string;
  state: DeliveryState;
  max_attempts: number;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  last_attempt_at: number | null;
  next_attempt_at: number | null;
  delivered_at: number | null;
}

/** One attempt's outcome as the log keeps it. */
export interface AttemptRecord {
  at: number;
  state: DeliveryState;
  status: number | null;
  error: string | null;
  nextAt: number | null;
}

export interface ProductMedia {
  productId: number;
  sku: string;
  fingerprint: string;
}

export class WebhookRepo {
  constructor(private readonly db: Db) {}

  addSubscription(url: string, events: readonly string[], secret: string, now: number): number {
    const info = statements(this.db)
      .prepare(
        `INSERT INTO webhook_subscriptions (url, events, secret, created_at) VALUES (?, ?, ?, ?)`,
      )
      .run(url, JSON.stringify(events), secret, now);
    return Number(info.lastInsertRowid);
  }

  subscription(id: number): SubscriptionRow | null {
    return (
      statements(this.db)
        .prepare<[number], SubscriptionRow>(`SELECT * FROM webhook_subscriptions WHERE id = ?`)
        .get(id) ?? null
    );
  }

  subscriptions(): SubscriptionRow[] {
    return statements(this.db)
      .prepare<[], SubscriptionRow>(`SELECT * FROM webhook_subscriptions ORDER BY id`)
      .all();
  }

  removeSubscription(id: number): boolean {
    return (
      statements(this.db).prepare(`DELETE FROM webhook_subscriptions WHERE id = ?`).run(id)
        .changes > 0
    );
  }

  insertDelivery(
    row: Pick<DeliveryRow, 'id' | 'subscription_id' | 'event' | 'body'>,
    max: number,
    now: number,
  ): void {
    statements(this.db)
      .prepare(
        `INSERT INTO webhook_deliveries (id, subscription_id, event, body, max_attempts, created_at, next_attempt_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, row.subscription_id, row.event, row.body, max, now, now);
  }

  delivery(id: string): DeliveryRow | null {
    return (
      statements(this.db)
        .prepare<[string], DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE id = ?`)
        .get(id) ?? null
    );
  }

  /** Newest first. */
  deliveries(subscriptionId: number | null, limit: number): DeliveryRow[] {
    const where = subscriptionId === null ? '' : 'WHERE subscription_id = ?';
    return statements(this.db)
      .prepare<unknown[], DeliveryRow>(
        `SELECT * FROM webhook_deliveries ${where} ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(...(subscriptionId === null ? [] : [subscriptionId]), limit);
  }

  /** Records an attempt on a pending row; false when the row is gone or already settled. */
  recordAttempt(id: string, attempt: AttemptRecord): boolean {
    return (
      statements(this.db)
        .prepare(
          `UPDATE webhook_deliveries SET attempts = attempts + 1, state = ?, last_status = ?,
             last_error = ?, last_attempt_at = ?, next_attempt_at = ?,
             delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE NULL END
           WHERE id = ? AND state = 'pending'`,
        )
        .run(
          attempt.state,
          attempt.status,
          attempt.error,
          attempt.at,
          attempt.nextAt,
          attempt.state,
          attempt.at,
          id,
        ).changes > 0
    );
  }

  /** Pending deliveries that no live `job` row carries (their job handed them over). */
  orphans(
    job: string,
  ): Pick<DeliveryRow, 'id' | 'attempts' | 'last_attempt_at' | 'next_attempt_at'>[] {
    return statements(this.db)
      .prepare<
        [string],
        Pick<DeliveryRow, 'id' | 'attempts' | 'last_attempt_at' | 'next_attempt_at'>
      >(
        `SELECT d.id, d.attempts, d.last_attempt_at, d.next_attempt_at
           FROM webhook_deliveries d WHERE d.state = 'pending' AND NOT EXISTS (
           SELECT 1 FROM jobs j WHERE j.name = ? AND j.state IN ('queued', 'running')
             AND json_extract(j.args, '$.deliveryId') = d.id)
         ORDER BY d.created_at, d.id`,
      )
      .all(job);
  }

  /** A pending delivery given up by hand (its job was cancelled). */
  cancel(id: string, now: number): boolean {
    return (
      statements(this.db)
        .prepare(
          `UPDATE webhook_deliveries SET state = 'failed', last_error = 'cancelled',
             next_attempt_at = NULL, last_attempt_at = COALESCE(last_attempt_at, ?)
           WHERE id = ? AND state = 'pending'`,
        )
        .run(now, id).changes > 0
    );
  }

  /** Keeps a subscription's newest `keep` settled rows (pending ones are never trimmed). */
  trim(subscriptionId: number, keep: number): number {
    return statements(this.db)
      .prepare(
        `DELETE FROM webhook_deliveries WHERE subscription_id = ? AND state != 'pending'
           AND id NOT IN (SELECT id FROM webhook_deliveries WHERE subscription_id = ?
             AND state != 'pending' ORDER BY created_at DESC, id DESC LIMIT ?)`,
      )
      .run(subscriptionId, subscriptionId, keep).changes;
  }

  /** Every product's media links now, as one fingerprint each (order, role, asset). */
  currentProductMedia(): ProductMedia[] {
    return statements(this.db)
      .prepare<[], ProductMedia>(
        `SELECT p.id AS productId, p.sku AS sku,
                IFNULL((SELECT group_concat(l.asset_id || ':' || l.role || ':' || l.position, ',')
                  FROM (SELECT * FROM product_links WHERE product_id = p.id
                        ORDER BY role, position, asset_id) l), '') AS fingerprint
           FROM products p`,
      )
      .all();
  }

  seenProductMedia(): ProductMedia[] {
    return statements(this.db)
      .prepare<[], ProductMedia>(
        `SELECT product_id AS productId, sku, fingerprint FROM webhook_product_media`,
      )
      .all();
  }

  /** Replaces what was seen for these products; `gone` rows are forgotten. */
  saveProductMedia(seen: readonly ProductMedia[], gone: readonly number[]): void {
    const put = statements(this.db).prepare(
      `INSERT INTO webhook_product_media (product_id, sku, fingerprint) VALUES (?, ?, ?)
         ON CONFLICT (product_id) DO UPDATE SET sku = excluded.sku, fingerprint = excluded.fingerprint`,
    );
    for (const p of seen) put.run(p.productId, p.sku, p.fingerprint);
    const drop = statements(this.db).prepare(
      `DELETE FROM webhook_product_media WHERE product_id = ?`,
    );
    for (const id of gone) drop.run(id);
  }

  clearProductMedia(): void {
    statements(this.db).prepare(`DELETE FROM webhook_product_media`).run();
  }

  /** Assets a licence covers (ids, at most `limit`) and how many in all. */
  licenceAssets(licenceId: number, limit: number): { ids: number[]; total: number } {
    const ids = statements(this.db)
      .prepare<[number, number], { asset_id: number }>(
        `SELECT asset_id FROM asset_licences WHERE licence_id = ? ORDER BY asset_id LIMIT ?`,
      )
      .all(licenceId, limit)
      .map((r) => r.asset_id);
    const total =
      statements(this.db)
        .prepare<[number], { n: number }>(
          `SELECT count(*) AS n FROM asset_licences WHERE licence_id = ?`,
        )
        .get(licenceId)?.n ?? 0;
    return { ids, total };
  }

  licence(id: number): { name: string; ends_on: string | null } | null {
    return (
      statements(this.db)
        .prepare<[number], { name: string; ends_on: string | null }>(
          `SELECT name, ends_on FROM licences WHERE id = ?`,
        )
        .get(id) ?? null
    );
  }
}
