import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { fakeEngine } from '../test-support/fake-engine';
import { makeProgress, makeSummary } from '../test-support/fake-export';
import { deferred, settle, type FakeTransport } from '../test-support/fake-transport';
import { memoryStorage } from '../test-support/app-harness';
import { connectStores } from './connect-stores';
import { createStores, type Stores } from './create-stores';
import type { ExportOptions } from './export-job-store';

let disconnect: (() => void) | undefined;
afterEach(() => disconnect?.());

function setup(transport: FakeTransport = fakeEngine()): {
  transport: FakeTransport;
  stores: Stores;
} {
  const client = new Client(transport);
  const stores = createStores(client, {
    refetchDelayMs: 0,
    folderRefreshDelayMs: 0,
    storage: memoryStorage(),
  });
  disconnect = connectStores(client, stores);
  return { transport, stores };
}

const OPTIONS: ExportOptions = {
  out: ' /packs/spring ',
  failures: 'warn',
  dryRun: true,
  baseUrl: '',
};
const SELECTION = { channels: ['amazon', 'shopify'], query: '  red shoes ' };

describe('export job store', () => {
  it('starts with the selection and options as exports.start takes them', async () => {
    const { transport, stores } = setup();
    await stores.exportJob
      .getState()
      .start(SELECTION, { ...OPTIONS, baseUrl: 'https://cdn.example.com/' });
    expect(transport.callsOf('exports.start')).toEqual([
      {
        channels: ['amazon', 'shopify'],
        query: 'red shoes',
        out: '/packs/spring',
        failures: 'warn',
        dryRun: true,
        baseUrl: 'https://cdn.example.com/',
      },
    ]);
    expect(stores.exportJob.getState().phase).toBe('running');
  });

  it('follows its own job’s progress events and ignores other jobs', async () => {
    const { transport, stores } = setup();
    await stores.exportJob.getState().start(SELECTION, OPTIONS);
    const jobId = stores.exportJob.getState().jobId!;
    transport.emit(
      'exports.progress',
      makeProgress({
        jobId,
        done: 3,
        total: 10,
        rate: 2,
        etaSeconds: 3.5,
        current: 'amazon/A-1/A-1-1.jpg',
      }),
    );
    transport.emit('exports.progress', makeProgress({ jobId: 'someone-else', done: 9, total: 9 }));
    expect(stores.exportJob.getState().progress).toMatchObject({
      done: 3,
      total: 10,
      current: 'amazon/A-1/A-1-1.jpg',
    });
  });

  it('reads the summary with exports.wait when the end event comes', async () => {
    const transport = fakeEngine().handle('exports.wait', ({ jobId }) =>
      makeSummary({ jobId, rendered: 8, unchanged: 2, state: 'done' }),
    );
    const { stores } = setup(transport);
    await stores.exportJob.getState().start(SELECTION, OPTIONS);
    const jobId = stores.exportJob.getState().jobId!;
    transport.emit('exports.progress', makeProgress({ jobId, state: 'done', done: 10, total: 10 }));
    await settle();
    expect(transport.callsOf('exports.wait')).toEqual([{ jobId }]);
    expect(stores.exportJob.getState()).toMatchObject({
      phase: 'ended',
      summary: { rendered: 8, unchanged: 2 },
    });
  });

  it('catches an end that overtook the answer to exports.start', async () => {
    const reply = deferred<ExportJob>();
    const transport = fakeEngine().handle('exports.start', () => reply.promise);
    const { stores } = setup(transport);
    const starting = stores.exportJob.getState().start(SELECTION, OPTIONS);
    transport.emit(
      'exports.progress',
      makeProgress({ jobId: 'fast', state: 'done', done: 4, total: 4 }),
    );
    reply.resolve({
      jobId: 'fast',
      progress: makeProgress({ jobId: 'fast', total: 4 }),
      summary: null,
    });
    await starting;
    await settle();
    expect(stores.exportJob.getState()).toMatchObject({
      phase: 'ended',
      summary: { jobId: 'fast' },
    });
  });

  it('cancels the running job and ends with the cancelled summary', async () => {
    const transport = fakeEngine().handle('exports.wait', ({ jobId }) =>
      makeSummary({ jobId, state: 'cancelled' }),
    );
    const { stores } = setup(transport);
    await stores.exportJob.getState().start(SELECTION, OPTIONS);
    const jobId = stores.exportJob.getState().jobId!;
    const cancelling = stores.exportJob.getState().cancel();
    expect(stores.exportJob.getState().phase).toBe('cancelling');
    await cancelling;
    expect(transport.callsOf('exports.cancel')).toEqual([{ jobId }]);
    transport.emit(
      'exports.progress',
      makeProgress({ jobId, state: 'cancelled', done: 2, total: 10 }),
    );
    await settle();
    expect(stores.exportJob.getState()).toMatchObject({
      phase: 'ended',
      summary: { state: 'cancelled' },
    });
    expect(stores.exportJob.getState().progress?.done).toBe(2);
  });

  it('says why it could not start, and starts nothing without channels or a folder', async () => {
    const transport = fakeEngine().handle('exports.start', () => {
      throw new PackshotError('invalid_argument', 'The output folder is inside a catalog');
    });
    const { stores } = setup(transport);
    await stores.exportJob.getState().start({ channels: [], query: '' }, OPTIONS);
    expect(stores.exportJob.getState().error).toMatch(/at least one channel/);
    await stores.exportJob.getState().start(SELECTION, { ...OPTIONS, out: '  ' });
    expect(stores.exportJob.getState().error).toMatch(/folder/);
    expect(transport.callsOf('exports.start')).toHaveLength(0);
    await stores.exportJob.getState().start(SELECTION, OPTIONS);
    expect(stores.exportJob.getState()).toMatchObject({
      phase: 'idle',
      error: 'The output folder is inside a catalog',
    });
  });
});
