// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { FakeTransport, settle } from '../test-support/fake-transport';
import { createPreviewsStore, previewKey } from './previews-store';

function setup() {
  let fail = false;
  const transport = new FakeTransport().handle('previews.ensure', ({ id }) => {
    if (fail) throw new PackshotError('io', 'Cannot reach the Packshot engine');
    return id === 2
      ? { id, hash: null, reason: 'No HEIC decoder here' }
      : { id, hash: `p${id}`, reason: null };
  });
  const store = createPreviewsStore(new Client(transport));
  const status = (id: number, hash: string | null) =>
    store.getState().entries.get(previewKey(id, hash));
  return { transport, store, status, failNext: (v: boolean) => (fail = v) };
}

describe('previews store', () => {
  it('asks once per asset content, and again for new content', async () => {
    const { transport, store, status } = setup();
    store.getState().ensure(1, 'h1');
    expect(status(1, 'h1')).toEqual({ status: 'loading' });
    store.getState().ensure(1, 'h1');
    await settle();
    expect(status(1, 'h1')).toEqual({ status: 'ready', hash: 'p1' });
    store.getState().ensure(1, 'h1');
    store.getState().ensure(1, 'h2');
    await settle();
    expect(transport.callsOf('previews.ensure')).toEqual([{ id: 1 }, { id: 1 }]);
  });

  it('keeps the engine’s reason when there can be no preview', async () => {
    const { store, status } = setup();
    store.getState().ensure(2, 'h');
    await settle();
    expect(status(2, 'h')).toEqual({ status: 'none', reason: 'No HEIC decoder here' });
  });

  it('retries a call that failed', async () => {
    const { transport, store, status, failNext } = setup();
    failNext(true);
    store.getState().ensure(3, 'h');
    await settle();
    expect(status(3, 'h')).toEqual({
      status: 'failed',
      message: 'Cannot reach the Packshot engine',
    });
    failNext(false);
    store.getState().ensure(3, 'h');
    await settle();
    expect(status(3, 'h')).toEqual({ status: 'ready', hash: 'p3' });
    expect(transport.callsOf('previews.ensure')).toHaveLength(2);
  });

  it('forgets the oldest answers beyond its bound', async () => {
    const { store, status } = setup();
    for (let id = 10; id < 320; id++) store.getState().ensure(id, 'h');
    await settle();
    expect(store.getState().entries.size).toBe(300);
    expect(status(10, 'h')).toBeUndefined();
    expect(status(319, 'h')).toEqual({ status: 'ready', hash: 'p319' });
  });
});
