// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PackshotError } from '../../shared/errors';
import { Client } from './client';
import { FakeTransport, makeCatalog } from './test-support/fake-transport';
import type { Transport } from './transport/transport';

function transportAnswering(outcome: unknown): Transport {
  return {
    invoke: () => Promise.resolve(outcome),
    subscribe: () => () => undefined,
    mediaUrl: (kind, hash) => `x://${kind}/${hash}`,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<PackshotError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PackshotError) return error;
    throw new Error(`expected a PackshotError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

describe('Client.call', () => {
  it('returns the result of an ok outcome', async () => {
    const client = new Client(
      transportAnswering({ ok: true, result: { version: '1.0', dataDir: '/d' } }),
    );
    await expect(client.call('libraries.info', {})).resolves.toEqual({
      version: '1.0',
      dataDir: '/d',
    });
  });

  it('sends the method and arguments to the transport', async () => {
    const fake = new FakeTransport().handle('catalogs.add', ({ path }) =>
      makeCatalog(1, { path, name: 'shoot' }),
    );
    await new Client(fake).call('catalogs.add', { path: '/photos/shoot' });
    expect(fake.calls).toEqual([{ method: 'catalogs.add', args: { path: '/photos/shoot' } }]);
  });

  it('throws the engine error with its code and human message', async () => {
    const client = new Client(
      transportAnswering({
        ok: false,
        error: { code: 'not_found', message: 'No folder at /nope' },
      }),
    );
    const error = await failureOf(client.call('catalogs.add', { path: '/nope' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No folder at /nope');
  });

  it.each([
    ['a malformed error', { ok: false, error: { code: 'made_up', message: 'x' } }],
    ['no envelope', { version: '1.0' }],
    ['nothing', undefined],
  ])('treats %s as an internal error', async (_label, outcome) => {
    const error = await failureOf(
      new Client(transportAnswering(outcome)).call('libraries.info', {}),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toContain('libraries.info');
  });

  it('keeps transport failures that are already PackshotErrors, and wraps others', async () => {
    const unreachable: Transport = {
      ...transportAnswering(null),
      invoke: () =>
        Promise.reject(new PackshotError('io', 'Cannot reach the Packshot engine: refused')),
    };
    expect((await failureOf(new Client(unreachable).call('libraries.info', {}))).code).toBe('io');

    const broken: Transport = {
      ...transportAnswering(null),
      invoke: () => Promise.reject(new Error('boom')),
    };
    const error = await failureOf(new Client(broken).call('libraries.info', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('boom');
  });
});

describe('Client.on', () => {
  it('delivers only the named event, until unsubscribed', () => {
    const fake = new FakeTransport();
    const client = new Client(fake);
    const seen: Array<number | null> = [];
    const stop = client.on('assets.changed', ({ catalogId }) => seen.push(catalogId));
    fake.emit('catalogs.changed', {});
    fake.emit('assets.changed', { catalogId: 3 });
    stop();
    fake.emit('assets.changed', { catalogId: 4 });
    expect(seen).toEqual([3]);
  });
});

describe('Client capabilities', () => {
  it('can pick folders only when the transport can', async () => {
    const fake = new FakeTransport();
    expect(new Client(fake).canPickFolder).toBe(false);
    await expect(new Client(fake).pickFolder()).resolves.toBeNull();
    fake.pickFolder = () => Promise.resolve('/picked');
    expect(new Client(fake).canPickFolder).toBe(true);
    await expect(new Client(fake).pickFolder()).resolves.toBe('/picked');
  });

  it('builds thumbnail and preview URLs through the transport', () => {
    expect(new Client(new FakeTransport()).thumbUrl('ab12')).toBe('test-media://thumb/ab12');
    expect(new Client(new FakeTransport()).previewUrl('cd34')).toBe('test-media://preview/cd34');
  });

  it('takes OS files and drags files out only where the transport can', () => {
    const fake = new FakeTransport();
    const browser = new Client(fake);
    expect(browser.canDropFiles).toBe(false);
    expect(browser.canDragOut).toBe(false);
    expect(browser.pathsOfFiles([new File(['x'], 'a.jpg')])).toEqual([]);
    browser.startDragOut(1); // nothing to call, nothing thrown

    const dragged: number[] = [];
    // Electron gives '' for a File that has no path (e.g. dragged from a web page).
    fake.pathForFile = (file) => (file.name === 'web.jpg' ? '' : `/home/me/${file.name}`);
    fake.startDrag = (id) => void dragged.push(id);
    const desktop = new Client(fake);
    expect(desktop.canDropFiles).toBe(true);
    expect(desktop.canDragOut).toBe(true);
    const files = ['a.jpg', 'web.jpg', 'b.pdf'].map((name) => new File(['x'], name));
    expect(desktop.pathsOfFiles(files)).toEqual(['/home/me/a.jpg', '/home/me/b.pdf']);
    desktop.startDragOut(42);
    expect(dragged).toEqual([42]);
  });
});
