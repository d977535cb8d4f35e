// A real webhook receiver for tests: node:http on 127.0.0.1, recording every POST and
// answering with the status the test chooses (by request number, from 1).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  event: string;
  delivery: string;
  signature: string;
  contentType: string;
  body: string;
  json: { id: string; event: string; createdAt: string; data: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status the next requests get: by request number (1, 2…). */
  answer: (n: number) => number;
  close(): Promise<void>;
}

export async function startReceiver(answer: (n: number) => number = () => 200): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answer, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({
        event: String(req.headers['x-packshot-event']),
        delivery: String(req.headers['x-packshot-delivery']),
        signature: String(req.headers['x-packshot-signature']),
        contentType: String(req.headers['content-type']),
        body,
        json: JSON.parse(body) as Received['json'],
      });
      const status = receiver.answer(receiver.received.length);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** A URL where nothing listens (a port just given back). */
export async function deadUrl(): Promise<string> {
  const r = await startReceiver();
  await r.close();
  return r.url;
}
