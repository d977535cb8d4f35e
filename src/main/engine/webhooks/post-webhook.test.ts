// One attempt against real sockets on 127.0.0.1: a redirect is not followed, a receiver that
// never answers is given up at the time limit, an endless answer is read only to a cap.
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createTcp, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook } from './post-webhook';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server | ReturnType<typeof createTcp>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const post = (url: string, timeoutMs = 5000) =>
  postWebhook({ url, secret: 's', event: 'webhook.test', deliveryId: 'd', body: '{}', timeoutMs });

describe('postWebhook', () => {
  it('does not follow a redirect', async () => {
    let followed = false;
    const server = createHttp((req, res) => {
      if (req.url === '/elsewhere') followed = true;
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const outcome = await post(await listen(server));
    expect(outcome).toEqual({
      ok: false,
      status: 302,
      error: 'HTTP 302: redirect to /elsewhere (not followed)',
    });
    expect(followed).toBe(false);
  });

  it('gives up on a receiver that never answers at the time limit', async () => {
    const sockets: Socket[] = [];
    const server = createTcp((socket) => sockets.push(socket)); // accepts, says nothing
    const url = await listen(server);
    closers.unshift(() => {
      for (const s of sockets) s.destroy();
      return Promise.resolve();
    });
    expect(await post(url, 200)).toEqual({
      ok: false,
      status: null,
      error: 'no answer within 0.2 s',
    });
  });

  it('reads an endless answer only up to its cap', async () => {
    const server = createHttp((_req, res) => {
      res.writeHead(500);
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    closers.unshift(() => {
      server.closeAllConnections();
      return Promise.resolve();
    });
    const outcome = await post(await listen(server));
    expect(outcome.status).toBe(500);
    expect(outcome.error).toBe(`HTTP 500: ${'x'.repeat(300)}`);
  });
});
