// Deliveries outlive their engine: a pending retry is taken over by the next engine on the
// same data folder; the log keeps a bounded number of settled rows; the daily rights job's
// newly expiring licence becomes rights.expiring with its assets.
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodArgs, MethodName } from '../../../shared/contract';
import { createEngine } from '../create-engine';
import { invoke } from '../../hosts/dispatch';
import { eventually, startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { startReceiver, type Receiver } from '../../test-support/webhook-receiver';
import { addDays, today } from '../rights/licence-dates';

let photos: PhotoHarness | null = null;
const receivers: Receiver[] = [];
afterEach(async () => {
  await photos?.dispose();
  photos = null;
  for (const r of receivers.splice(0)) await r.close();
});

async function receiver(answer: (n: number) => number): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

describe('webhook deliveries across engines', () => {
  it('resumes a pending delivery in a new engine after close', async () => {
    photos = await startWithPhotos('hooks-resume', ['a.jpg'], 3);
    const { h } = photos;
    // This engine would wait a minute before its retry; it closes first.
    await h.restart({ webhooks: { backoffMs: [60_000], maxAttempts: 3, debounceMs: 50 } });
    let up = false;
    const r = await receiver(() => (up ? 200 : 503));
    const sub = await h.call('webhooks.add', { url: r.url, events: ['product.media.changed'] });
    const product = await h.call('products.create', { sku: 'RES-1' });
    await h.call('links.add', { productId: product.id, assetIds: [photos.id['a.jpg'] ?? 0] });
    const [first] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.attempts === 1 ? log : undefined;
    }, 'first attempt made');
    expect(first).toMatchObject({ state: 'pending', lastStatus: 503 });
    expect(first?.lastError).toMatch(/^HTTP 503: nope$/);

    up = true;
    await h.restart({ resumeJobs: true, webhooks: { backoffMs: [20], resumeEveryMs: 50 } });
    const [done] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.state === 'delivered' ? log : undefined;
    }, 'delivered by the next engine');
    expect(done).toMatchObject({ id: first?.id, attempts: 2, lastStatus: 200 });
    expect(r.received.map((x) => x.json.data.sku)).toEqual(['RES-1', 'RES-1']);
  }, 60_000);

  it('a running app takes over what a one-shot engine left pending when it closed', async () => {
    photos = await startWithPhotos('hooks-handover', ['a.jpg'], 4);
    const { h } = photos;
    await h.restart({ resumeJobs: true, webhooks: { backoffMs: [20], resumeEveryMs: 50 } });
    let up = false;
    const r = await receiver(() => (up ? 200 : 500));
    // A one-shot engine (as a `packshot` command) beside it, with a long wait before retrying.
    const oneShot = createEngine({
      dataDir: h.dataDir,
      concurrency: 1,
      webhooks: { backoffMs: [60_000], holdMs: 120_000, debounceMs: 50 },
    });
    const call = <M extends MethodName>(m: M, a: MethodArgs<M>) => invoke(oneShot.handlers, m, a);
    const sub = await call('webhooks.add', { url: r.url, events: ['product.media.changed'] });
    const product = await call('products.create', { sku: 'HAND-1' });
    await call('links.add', { productId: product.id, assetIds: [photos.id['a.jpg'] ?? 0] });
    await eventually(async () => {
      const log = await call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.attempts === 1;
    }, 'first attempt made by the one-shot engine');
    up = true;
    await oneShot.close();
    const [done] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.state === 'delivered' ? log : undefined;
    }, 'delivered by the running engine');
    expect(done).toMatchObject({ attempts: 2, lastStatus: 200 });
  }, 60_000);

  it('a long wait frees its job slot and the delivery is queued again when due', async () => {
    photos = await startWithPhotos('hooks-hold', ['a.jpg'], 8);
    const { h } = photos;
    const quick = { backoffMs: [150], holdMs: 0, debounceMs: 50, resumeEveryMs: 50 };
    await h.restart({ resumeJobs: true, webhooks: quick });
    const r = await receiver((n) => (n === 1 ? 500 : 200));
    const sub = await h.call('webhooks.add', { url: r.url, events: ['product.media.changed'] });
    const product = await h.call('products.create', { sku: 'HOLD-1' });
    await h.call('links.add', { productId: product.id, assetIds: [photos.id['a.jpg'] ?? 0] });
    const [done] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.state === 'delivered' ? log : undefined;
    }, 'delivered by a second job');
    expect(done).toMatchObject({ attempts: 2, lastStatus: 200 });
    const jobs = await h.call('jobs.list', {});
    const rows = jobs.filter((j) => j.name === 'webhooks.deliver');
    expect(rows.map((j) => j.state)).toEqual(['done', 'done']);
  }, 60_000);

  it('a cancelled delivery job ends its delivery (not queued again)', async () => {
    photos = await startWithPhotos('hooks-cancel', ['a.jpg'], 6);
    const { h } = photos;
    const slow = { backoffMs: [60_000], holdMs: 120_000, debounceMs: 50, resumeEveryMs: 50 };
    await h.restart({ resumeJobs: true, webhooks: slow });
    const r = await receiver(() => 500);
    const sub = await h.call('webhooks.add', { url: r.url, events: ['product.media.changed'] });
    const product = await h.call('products.create', { sku: 'CAN-1' });
    await h.call('links.add', { productId: product.id, assetIds: [photos.id['a.jpg'] ?? 0] });
    await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.attempts === 1;
    }, 'first attempt made');
    const live = await h.call('jobs.list', { state: ['running'] });
    const job = live.find((j) => j.name === 'webhooks.deliver');
    expect(await h.call('jobs.cancel', { id: job?.id ?? 0 })).toEqual({ cancelled: true });
    const [ended] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.state === 'failed' ? log : undefined;
    }, 'delivery ended');
    expect(ended).toMatchObject({ attempts: 1, lastError: 'cancelled', nextAttemptAt: null });
    await h.restart({ resumeJobs: true, webhooks: slow });
    const again = await h.call('jobs.list', { state: ['queued', 'running'] });
    expect(again.filter((j) => j.name === 'webhooks.deliver')).toEqual([]);
  }, 60_000);

  it('keeps the newest settled deliveries per subscription', async () => {
    photos = await startWithPhotos('hooks-trim', ['a.jpg'], 5);
    const { h } = photos;
    await h.restart({ webhooks: { keep: 2 } });
    const r = await receiver(() => 200);
    const sub = await h.call('webhooks.add', { url: r.url, events: ['webhook.test'] });
    const sent: string[] = [];
    for (let i = 0; i < 4; i++) sent.push((await h.call('webhooks.test', { id: sub.id })).id);
    const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
    expect(log.map((d) => d.id)).toEqual([sent[3], sent[2]]);
    expect(r.received).toHaveLength(4);
  }, 60_000);

  it('tells rights.expiring for a licence that entered its warning window', async () => {
    photos = await startWithPhotos('hooks-rights', ['a.jpg', 'b.jpg'], 9);
    const { h, id } = photos;
    const r = await receiver(() => 200);
    await h.call('webhooks.add', { url: r.url, events: ['rights.expiring'] });
    const endsOn = addDays(today(), 10);
    const { id: lid } = await h.call('licences.create', {
      ...{ name: 'Shoot', licensor: 'Studio', type: 'royalty-free' },
      ...{ endsOn, warnDays: 30 },
    });
    const assetIds = [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0].sort((a, b) => a - b);
    await h.call('licences.attach', { licenceId: lid, assetIds });
    await h.call('rights.recheck', {});
    await eventually(() => Promise.resolve(r.received.length > 0), 'rights.expiring told');
    expect(r.received.map((x) => x.json.data)).toEqual([
      { licenceId: lid, licence: 'Shoot', endsOn, status: 'expiring', assetIds, assets: 2 },
    ]);
    expect(r.received[0]?.event).toBe('rights.expiring');
  }, 60_000);
});
