// A receiver that accepts the connection and never answers must not hold engine close beyond
// one time limit, however many deliveries are queued (the job runs 32 at once: without one
// deadline for all, close waited a full time limit per batch of 32).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';

let h: Harness | null = null;
let server: Server | null = null;
afterEach(async () => {
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
});
