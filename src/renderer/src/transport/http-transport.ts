// Browser mode: the loopback HTTP bridge serves this page and the API from one origin.
// Calls are `POST /api/<method>` with a token header; events arrive over one shared
// EventSource (authenticated by the cookie set with index.html); media is `/media/…`.
import { eventNames, type EventName } from '../../../shared/events';
import { mediaPath } from '../../../shared/bridge';
import { PackshotError } from '../../../shared/errors';
import type { Transport } from './transport';

export const TOKEN_HEADER = 'X-Packshot-Token';

/** Events that tell every store to refetch: sent locally after the stream reconnects,
 * because events published while it was down are lost. */
const RESYNC: ReadonlyArray<readonly [EventName, unknown]> = [
  ['catalogs.changed', {}],
  ['assets.changed', { catalogId: null }],
];

export interface HttpTransportOptions {
  token: string | null;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource = options.createEventSource ?? ((url) => new EventSource(url));
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;

  const emit = (name: string, payload: unknown): void => {
    for (const listener of [...listeners]) listener(name, payload);
  };

  const open = (): EventSource => {
    const es = createEventSource('/api/events');
    let connectedBefore = false;
    es.addEventListener('open', () => {
      if (connectedBefore) for (const [name, payload] of RESYNC) emit(name, payload);
      connectedBefore = true;
    });
    for (const name of eventNames) {
      es.addEventListener(name, (event) => {
        const payload = parseEventData(event);
        if (payload !== undefined) emit(name, payload);
      });
    }
    return es;
  };

  return {
    async invoke(method, args) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.token !== null) headers[TOKEN_HEADER] = options.token;
      let response: Response;
      try {
        response = await doFetch(`/api/${method}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(args ?? {}),
        });
      } catch (cause) {
        throw new PackshotError('io', `Cannot reach the Packshot engine: ${describe(cause)}`);
      }
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Not an envelope (a proxy page, a crash): report the HTTP status instead.
        const code =
          response.status === 401 || response.status === 403 ? 'unauthorized' : 'internal';
        throw new PackshotError(
          code,
          `The Packshot engine answered ${method} with HTTP ${response.status} ${response.statusText}`.trim(),
        );
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      source ??= open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source !== null) {
          source.close();
          source = null;
        }
      };
    },

    mediaUrl: (kind, hash) => `/media/${mediaPath(kind, hash)}`,
  };
}

function parseEventData(event: Event): unknown {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return undefined;
  try {
    return JSON.parse(event.data) as unknown;
  } catch {
    return undefined;
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
