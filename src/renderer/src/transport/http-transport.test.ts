// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { eventNames } from '../../../shared/contract';
import { PackshotError } from '../../../shared/errors';
import { createHttpTransport, TOKEN_HEADER } from './http-transport';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

function fetchAnswering(status: number, body: string, sent: Sent[] = []): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push({ url, init });
    return Promise.resolve(
      new Response(body, { status, statusText: status === 200 ? 'OK' : 'Error' }),
    );
  };
}

/** An EventSource that the test drives: `open()` and `send()` as the server would. */
class FakeEventSource extends EventTarget {
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  open(): void {
    this.dispatchEvent(new Event('open'));
  }
  send(name: string, data: string): void {
    this.dispatchEvent(new MessageEvent(name, { data }));
  }
  close(): void {
    this.closed = true;
  }
}

function withEvents() {
  const sources: FakeEventSource[] = [];
  const transport = createHttpTransport({
    token: 't0k',
    fetch: fetchAnswering(200, '{}'),
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    },
  });
  return { transport, sources };
}

describe('HTTP transport calls', () => {
  it('POSTs JSON arguments to /api/<method> with the token header', async () => {
    const sent: Sent[] = [];
    const transport = createHttpTransport({
      token: 't0k',
      fetch: fetchAnswering(200, JSON.stringify({ ok: true, result: [] }), sent),
    });
    await expect(transport.invoke('catalogs.add', { path: '/p' })).resolves.toEqual({
      ok: true,
      result: [],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/catalogs.add');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(sent[0]?.init?.body).toBe('{"path":"/p"}');
    expect(new Headers(sent[0]?.init?.headers).get(TOKEN_HEADER)).toBe('t0k');
  });

  it('passes error envelopes on non-2xx statuses through for the client to read', async () => {
    const envelope = { ok: false, error: { code: 'not_found', message: 'No such folder' } };
    const transport = createHttpTransport({
      token: 't',
      fetch: fetchAnswering(404, JSON.stringify(envelope)),
    });
    await expect(transport.invoke('catalogs.add', { path: '/x' })).resolves.toEqual(envelope);
  });

  it('turns a refusal without an envelope into an unauthorized error', async () => {
    const transport = createHttpTransport({
      token: null,
      fetch: fetchAnswering(401, 'Unauthorized'),
    });
    const failure = transport.invoke('catalogs.list', {});
    await expect(failure).rejects.toBeInstanceOf(PackshotError);
    await expect(failure).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('turns a network failure into an io error', async () => {
    const transport = createHttpTransport({
      token: 't',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(transport.invoke('catalogs.list', {})).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('Failed to fetch') as unknown,
    });
  });

  it('serves media from the same origin', () => {
    const transport = createHttpTransport({ token: 't' });
    expect(transport.mediaUrl('thumb', 'abc')).toBe('/media/thumb/abc');
    expect(transport.mediaUrl('preview', 'abc')).toBe('/media/preview/abc');
    expect(transport.pickFolder).toBeUndefined();
  });
});

describe('HTTP transport events', () => {
  it('shares one EventSource on /api/events and delivers every contract event', () => {
    const { transport, sources } = withEvents();
    const a: Array<[string, unknown]> = [];
    const b: string[] = [];
    transport.subscribe((name, payload) => a.push([name, payload]));
    transport.subscribe((name) => b.push(name));
    expect(sources.map((s) => s.url)).toEqual(['/api/events']);

    for (const name of eventNames) sources[0]?.send(name, '{"n":1}');
    sources[0]?.send('not.a.contract.event', '{}');
    expect(a.map(([name]) => name)).toEqual(eventNames);
    expect(a[0]?.[1]).toEqual({ n: 1 });
    expect(b).toEqual(eventNames);
  });

  it('skips messages whose data is not JSON', () => {
    const { transport, sources } = withEvents();
    const seen: string[] = [];
    transport.subscribe((name) => seen.push(name));
    sources[0]?.send('assets.changed', 'not json');
    expect(seen).toEqual([]);
  });

  it('asks everyone to refetch after the stream reconnects, not on the first connect', () => {
    const { transport, sources } = withEvents();
    const seen: string[] = [];
    transport.subscribe((name) => seen.push(name));
    sources[0]?.open();
    expect(seen).toEqual([]);
    sources[0]?.open();
    expect(seen).toEqual(['catalogs.changed', 'assets.changed']);
  });

  it('closes the stream when the last listener leaves', () => {
    const { transport, sources } = withEvents();
    const stopA = transport.subscribe(() => undefined);
    const stopB = transport.subscribe(() => undefined);
    stopA();
    expect(sources[0]?.closed).toBe(false);
    stopB();
    expect(sources[0]?.closed).toBe(true);
  });
});
