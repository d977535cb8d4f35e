// A receiver that accepts the connection and never answers must not hold engine close beyond
// one time limit, however many deliveries are queued (the job runs 32 at once: without one
// deadline for all, close waited a full time limit per batch of 32).
import { createServer, type Server } from 'node:http';
import { rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { deadUrl, startReceiver, type Receiver } from '../../test-support/webhook-receiver';

let h: Harness | null = null;
let server: Server | null = null;
let healthy: Receiver | null = null;
afterEach(async () => {
  await healthy?.close();
  healthy = null;
  await h?.dispose();
  h = null;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('webhooks and engine close', () => {
  it('a hanging receiver holds close for one close wait, not one time limit per batch', async () => {
    let seen = 0;
    server = createServer(() => void seen++); // reads the request, never answers
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // A time limit far beyond the test's: only the close wait can end these attempts.
    h = await startHarness({ webhooks: { timeoutMs: 600_000, closeWaitMs: 300 } });
    const sub = await h.call('webhooks.add', {
      url: `http://127.0.0.1:${port}/hook`,
      events: ['asset.indexed'],
    });
    const sends = Array.from({ length: 40 }, () =>
      h!.call('webhooks.test', { id: sub.id }).catch(() => null),
    );
    await eventually(() => Promise.resolve(seen >= 32), 'the first 32 attempts in flight');
    await h.engine.close();
    await Promise.all(sends);
    // The 8 not started before the wait ran out are left pending, untried, for the next engine.
    expect(seen).toBe(32);
    await h.restart();
    const log = await h.call('webhooks.deliveries', { subscriptionId: sub.id });
    expect(log).toHaveLength(40);
    expect(log.filter((d) => d.attempts === 0 && d.state === 'pending')).toHaveLength(8);
    const cut = log.filter((d) => d.attempts === 1);
    expect(cut).toHaveLength(32);
    for (const d of cut) expect(d.lastError).toMatch(/engine closed/);
  }, 30_000);

  it("a burst to a dead receiver waiting for retries leaves slots for another's delivery", async () => {
    // Retries 5 s apart, well under the hold: each would be slept in its job.
    const waits = { backoffMs: [5000], maxAttempts: 3, holdMs: 60_000, debounceMs: 50 };
    h = await startHarness({ resumeJobs: true, webhooks: { ...waits, resumeEveryMs: 60_000 } });
    const folder = await tempDir('hooks-burst');
    await writeFile(join(folder, 'a.jpg'), await makeImage(32, 32, 'jpeg', 3));
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    const [asset] = await h.all();
    const dead = await h.call('webhooks.add', {
      url: await deadUrl(),
      events: ['product.media.changed'],
    });
    // 40 products' media change at once: 40 deliveries to the dead receiver.
    seedProducts(
      h.dataDir,
      Array.from({ length: 40 }, (_, i) => ({
        sku: `BURST-${i}`,
        links: [{ assetId: asset!.id, role: 'main' as const }],
      })),
    );
    await h.call('products.create', { sku: 'NUDGE' }); // products.changed: the feed compares
    await eventually(async () => {
      const log = await h!.call('webhooks.deliveries', { subscriptionId: dead.id });
      return log.length === 40 && log.filter((d) => d.attempts === 1).length >= 32;
    }, 'first attempts made');
    healthy = await startReceiver(() => 200);
    const live = await h.call('webhooks.add', { url: healthy.url, events: ['asset.indexed'] });
    const sent = await h.call('webhooks.test', { id: live.id });

    expect(sent.state).toBe('delivered');
    // Delivered before any dead delivery's retry came due: it did not wait for their slots.
    const log = await h.call('webhooks.deliveries', { subscriptionId: dead.id });
    expect(log.filter((d) => d.attempts > 1)).toEqual([]);
    await rm(folder, { recursive: true, force: true });
  }, 30_000);
});
