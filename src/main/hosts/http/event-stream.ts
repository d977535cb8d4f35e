import type { ServerResponse } from 'node:http';
import type { Engine } from '../../engine';

const HEARTBEAT_MS = 15_000;
/**
 * Bytes written while the client is not reading (after res.write answered false, before
 * 'drain'). Past it the stream is closed: EventSource reconnects and the page reloads what
 * it shows, which costs less than holding an unbounded queue for a stalled tab.
 */
export const MAX_BACKLOG_BYTES = 1024 * 1024;

/** Server-sent events: every engine event as `event: <name>` with a JSON payload. */
export function streamEvents(
  source: Pick<Engine, 'subscribe'>,
  res: ServerResponse,
  maxBacklogBytes = MAX_BACKLOG_BYTES,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  let congested = false;
  let backlog = 0;
  const send = (text: string): void => {
    if (res.destroyed) return;
    if (congested) {
      backlog += Buffer.byteLength(text);
      if (backlog > maxBacklogBytes) {
        res.destroy();
        return;
      }
    }
    if (!res.write(text)) congested = true;
  };
  res.on('drain', () => {
    congested = false;
    backlog = 0;
  });
  send(': connected\n\n');
  const unsubscribe = source.subscribe((name, payload) => {
    send(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // A ping only keeps an idle stream open; one waiting to drain needs none.
  const heartbeat = setInterval(() => {
    if (!congested) send(': ping\n\n');
  }, HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
