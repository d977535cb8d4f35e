// The bridge at its edges, over real sockets: method names that are not the contract's,
// connections that never finish their request, and an event stream nobody reads.
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine';
import { eventually } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { startBridge, type Bridge } from './bridge-server';
import { streamEvents } from './event-stream';

let dataDir: string;
let rendererDir: string;
let engine: Engine;
let bridge: Bridge;
const CAP = 32;

beforeAll(async () => {
  dataDir = await tempDir('limits-data');
  rendererDir = await tempDir('limits-ui');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Packshot</title>');
  engine = createEngine({ dataDir, concurrency: 1 });
  bridge = await startBridge({
    engine,
    rendererDir,
    port: 0,
    limits: {
      headersTimeoutMs: 1_000,
      requestTimeoutMs: 2_000,
      idleTimeoutMs: 3_000,
      maxConnections: CAP,
      checkIntervalMs: 100,
    },
  });
});

afterAll(async () => {
  await bridge.close();
  await engine.close();
  for (const dir of [dataDir, rendererDir]) await rm(dir, { recursive: true, force: true });
});

function call(method: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-packshot-token': bridge.token },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('bridge limits', () => {
  it("answers 404 for names that are only Object.prototype's", async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const reply = await call(name);
      expect(reply.status, name).toBe(404);
      expect(JSON.parse(reply.body), name).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect((await call('catalogs.list')).status).toBe(200);
  });

  it('sheds 300 half-open connections, still answers, then closes the rest', async () => {
    const sockets: Socket[] = [];
    const closed = new Set<Socket>();
    await Promise.all(
      Array.from(
        { length: 300 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(bridge.port, '127.0.0.1', () => {
              // A request line and one header, never the blank line that ends them.
              socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n`);
              resolve();
            });
            socket.resume(); // reads the 408 and the end, so 'close' comes
            socket.on('error', () => resolve());
            socket.on('close', () => {
              closed.add(socket);
              resolve();
            });
            sockets.push(socket);
          }),
      ),
    );
    await eventually(
      () => Promise.resolve(bridge.connections.shed() >= 300 - CAP),
      'the flood shed',
    );
    expect(bridge.connections.open()).toBeLessThanOrEqual(CAP);
    // The page's own call gets through: an idle half-open socket made room for it.
    expect((await call('catalogs.list')).status).toBe(200);
    // The header timeout closes every half-open socket left.
    await eventually(
      () => Promise.resolve(closed.size === sockets.length),
      'every half-open socket closed',
    );
    expect(bridge.connections.open()).toBe(0);
  });

  it('closes a connection that never says anything', async () => {
    const socket = connect(bridge.port, '127.0.0.1');
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.resume();
    await ended;
    expect(socket.bytesWritten).toBe(0);
  });
});

describe('event stream backpressure', () => {
  type Listener = (name: string, payload: unknown) => void;
  let server: Server;
  let listeners: Set<Listener>;
  let unsubscribed: number;
  const BOUND = 64 * 1024;

  beforeAll(async () => {
    listeners = new Set();
    unsubscribed = 0;
    const source = {
      subscribe: (listener: Listener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
          unsubscribed++;
        };
      },
    } as unknown as Pick<Engine, 'subscribe'>;
    server = createServer((_req, res) => streamEvents(source, res, BOUND));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const port = (): number => (server.address() as AddressInfo).port;
  const emit = (payload: unknown): void => {
    for (const listener of listeners) listener('jobs.changed', payload);
  };
  const openStream = (): Promise<Socket> =>
    new Promise((resolve) => {
      const socket = connect(port(), '127.0.0.1', () => {
        socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      });
      socket.once('data', () => resolve(socket));
    });

  it('closes a reader that stops reading instead of queueing without end', async () => {
    const before = unsubscribed;
    const socket = await openStream();
    socket.pause(); // reads nothing more: the kernel buffers fill, then ours
    const chunk = 'x'.repeat(16 * 1024);
    let sent = 0;
    // 256 MB if nothing ever pushed back: far past any socket buffer.
    while (unsubscribed === before && sent < 16_000) {
      emit({ chunk });
      sent++;
      if (sent % 16 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(unsubscribed).toBe(before + 1);
    expect(listeners.size).toBe(0);
    socket.destroy();
  });

  it('delivers every event to a reader that keeps up', async () => {
    const socket = await openStream();
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const chunk = 'y'.repeat(4 * 1024);
    for (let i = 0; i < 200; i++) {
      emit({ i, chunk });
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 1));
    }
    await eventually(() => Promise.resolve(text.includes('"i":199')), 'the last event arrives');
    expect(text.match(/event: jobs\.changed/g)?.length).toBe(200);
    expect(listeners.size).toBe(1);
    socket.destroy();
  });
});
