// Webhooks end to end on a real engine and a real receiver (node:http on 127.0.0.1):
// signatures, one delivery per change or burst, retries with (shortened) backoff, failure
// after the last attempt, hostile URLs refused.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../../../shared/webhook-dto';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { tinyPreset } from '../../test-support/tiny-preset';
import { deadUrl, startReceiver, type Receiver } from '../../test-support/webhook-receiver';
import { verifySignature } from './sign-payload';

let h: Harness;
let folder: string;
let out: string;
const receivers: Receiver[] = [];
const FILES = 6;

/** A receiver subscribed to `events`; returns it with the subscription's id and secret. */
async function subscribe(events: WebhookEvent[], answer?: (n: number) => number) {
  const r = await startReceiver(answer);
  receivers.push(r);
  const sub = await h.call('webhooks.add', { url: r.url, events });
  return { r, id: sub.id, secret: sub.secret };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  h = await startHarness({
    webhooks: { backoffMs: [20, 40], maxAttempts: 3, debounceMs: 300, timeoutMs: 5000 },
  });
  folder = await tempDir('hooks-src');
  out = await tempDir('hooks-out');
});

afterAll(async () => {
  await h.dispose();
  for (const r of receivers) await r.close();
  await rm(folder, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('webhooks', () => {
  it('refuses hostile URLs and accepts http(s)', async () => {
    for (const url of [
      'ftp://example.com/hook',
      'javascript:alert(1)',
      'http://user:pass@example.com/hook',
      'https://token@example.com/hook',
      'file:///etc/passwd',
      'not a url',
      `https://example.com/${'a'.repeat(2100)}`,
    ])
      await expect(h.call('webhooks.add', { url, events: ['webhook.test'] }), url).rejects.toThrow(
        /webhook URL|Not a URL/,
      );
    const ok = await h.call('webhooks.add', {
      url: 'https://example.com/hook',
      events: ['webhook.test', 'webhook.test'],
    });
    expect(ok).toMatchObject({ events: ['webhook.test'], active: true });
    expect(ok.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(await h.call('webhooks.list', {})).toEqual([
      expect.not.objectContaining({ secret: expect.anything() as unknown }),
    ]);
    expect(await h.call('webhooks.remove', { id: ok.id })).toEqual({ removed: true });
  });

  it('signs the POST with the subscription secret (and another secret does not verify)', async () => {
    const { r, id, secret } = await subscribe(['webhook.test']);
    const outcome = await h.call('webhooks.test', { id });
    expect(outcome).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 200 });
    const [got] = r.received;
    expect(got).toMatchObject({
      event: 'webhook.test',
      delivery: outcome.id,
      contentType: 'application/json',
    });
    expect(got?.json).toMatchObject({ id: outcome.id, event: 'webhook.test' });
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(secret, got?.signature ?? '', got?.body ?? '', now)).toBe(true);
    expect(verifySignature(`${secret}x`, got?.signature ?? '', got?.body ?? '', now)).toBe(false);
    expect(verifySignature(secret, got?.signature ?? '', `${got?.body} `, now)).toBe(false);
    expect(verifySignature(secret, got?.signature ?? '', got?.body ?? '', now + 3600)).toBe(false);
  });

  it('batches the assets of an indexed folder into few asset.indexed POSTs', async () => {
    const { r } = await subscribe(['asset.indexed']);
    for (let i = 0; i < FILES; i++)
      await writeFile(join(folder, `SKU-1_${i}.jpg`), await makeImage(64, 48, 'jpeg', 70 + i));
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    const total = () => r.received.reduce((n, x) => n + Number(x.json.data.count), 0);
    await eventually(() => Promise.resolve(total() === FILES), 'every asset told');
    expect(r.received.length).toBeLessThan(FILES);
    const ids = (await h.all()).map((a) => a.id).sort((a, b) => a - b);
    const told = r.received.flatMap((x) => x.json.data.assets as { assetId: number }[]);
    expect(told.map((a) => a.assetId).sort((a, b) => a - b)).toEqual(ids);
  });

  it('tells product.media.changed once, with the SKU, when an asset is linked', async () => {
    const { r } = await subscribe(['product.media.changed']);
    const product = await h.call('products.create', { sku: 'HOOK-1', name: 'Hooked' });
    await h.call('products.create', { sku: 'HOOK-2' }); // no media: nothing to tell
    const asset = await h.byName('SKU-1_0.jpg');
    await h.call('links.add', { productId: product.id, assetIds: [asset.id], role: 'main' });
    await eventually(() => Promise.resolve(r.received.length > 0), 'product change told');
    await pause(900); // three quiet periods: nothing more comes
    expect(r.received.map((x) => x.json.data)).toEqual([
      { productId: product.id, sku: 'HOOK-1', media: 1, deleted: false },
    ]);
  });

  it('tells export.finished with the preset, outcome and counts', async () => {
    const { r } = await subscribe(['export.finished']);
    await h.call('presets.save', { id: 'tiny', preset: tinyPreset() });
    const job = await h.call('exports.start', { channels: ['tiny'], out, query: 'sku:HOOK-1' });
    await h.call('exports.wait', { jobId: job.jobId });
    await eventually(() => Promise.resolve(r.received.length > 0), 'export told');
    expect(r.received).toHaveLength(1);
    expect(r.received[0]?.json.data).toMatchObject({
      jobId: job.jobId,
      outcome: 'done',
      presets: ['tiny'],
      counts: { rendered: 1, failed: 0 },
    });
  });

  it('retries a receiver answering 500 twice, delivered on attempt 3', async () => {
    const { r, id } = await subscribe(['product.media.changed'], (n) => (n <= 2 ? 500 : 200));
    const product = await h.call('products.create', { sku: 'HOOK-3' });
    await h.call('links.add', { productId: product.id, assetIds: [(await h.all())[1]?.id ?? 0] });
    const [done] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: id });
      return log[0]?.state === 'delivered' ? log : undefined;
    }, 'delivered after retries');
    expect(done).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null });
    expect(r.received.map((x) => x.delivery)).toEqual([done?.id, done?.id, done?.id]);
  });

  it('gives up on a dead receiver after the last attempt', async () => {
    const sub = await h.call('webhooks.add', { url: await deadUrl(), events: ['asset.indexed'] });
    await writeFile(join(folder, 'late.jpg'), await makeImage(64, 48, 'jpeg', 99));
    await h.call('catalogs.scan', { id: (await h.call('catalogs.list', {}))[0]?.id ?? 0 });
    await h.call('jobs.wait', {});
    const [failed] = await eventually(async () => {
      const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
      return log[0]?.state === 'failed' ? log : undefined;
    }, 'failed after the last attempt');
    expect(failed).toMatchObject({ attempts: 3, lastStatus: null, nextAttemptAt: null });
    expect(failed?.lastError).toMatch(/ECONNREFUSED|fetch failed/);
  });
});
