import { describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../../shared/dto';
import { IndexQueue, type LookResult, type WorkResult } from './index-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function makeQueue(concurrency: number, result: (id: number) => WorkResult = () => 'ok') {
  const order: number[] = [];
  const gates = new Map<number, ReturnType<typeof deferred>>();
  let active = 0;
  let maxActive = 0;
  const progress: JobProgress[] = [];
  const queue = new IndexQueue({
    concurrency,
    progressInterval: 0,
    onProgress: (p) => progress.push(p),
    work: async (id) => {
      order.push(id);
      active++;
      maxActive = Math.max(maxActive, active);
      const gate = deferred();
      gates.set(id, gate);
      await gate.promise;
      active--;
      return result(id);
    },
  });
  const release = async (id: number): Promise<void> => {
    for (let i = 0; i < 50 && !gates.has(id); i++) await Promise.resolve();
    gates.get(id)?.resolve();
    gates.delete(id);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { queue, order, release, progress, maxActive: () => maxActive };
}

describe('IndexQueue', () => {
  it('never runs more than its concurrency at once, and reports done/total', async () => {
    const q = makeQueue(2, (id) => (id === 3 ? 'error' : 'ok'));
    q.queue.enqueue([1, 2, 3, 4, 5]);
    expect(q.order).toEqual([1, 2]);
    expect(q.queue.status()).toMatchObject({ running: true, done: 0, total: 5 });
    for (const id of [1, 2, 3, 4, 5]) await q.release(id);
    await q.queue.whenIdle();
    expect(q.maxActive()).toBe(2);
    expect(q.queue.status()).toMatchObject({
      running: false,
      done: 5,
      total: 5,
      errors: 1,
      etaSeconds: null,
    });
    expect(q.progress.at(-1)).toMatchObject({ running: false, done: 5 });
  });

  it('runs prioritized ids next, last given first', async () => {
    const q = makeQueue(1);
    q.queue.enqueue([1, 2, 3, 4, 5, 6]);
    expect(q.queue.prioritize([5, 6, 99])).toBe(2);
    for (const id of [1, 5, 6, 2, 3, 4]) await q.release(id);
    await q.queue.whenIdle();
    expect(q.order).toEqual([1, 5, 6, 2, 3, 4]);
  });

  it('ignores ids already queued, and reruns an id asked for while it runs', async () => {
    const q = makeQueue(1);
    q.queue.enqueue([1, 2]);
    // 1 is running (its file may have changed since it was read), 2 is waiting.
    q.queue.enqueue([1, 2]);
    await q.release(1);
    await q.release(1);
    await q.release(2);
    await q.queue.whenIdle();
    expect(q.order).toEqual([1, 1, 2]);
    expect(q.queue.status().done).toBe(3);
  });

  it('clear drops what has not started; stop waits for what has', async () => {
    const q = makeQueue(1);
    q.queue.enqueue([1, 2, 3]);
    const stopped = q.queue.stop();
    await q.release(1);
    await stopped;
    expect(q.order).toEqual([1]);
    q.queue.enqueue([4]);
    expect(q.order).toEqual([1]);
  });

  it('without looks (the command line), indexes in the order given, not as found', async () => {
    const order: number[] = [];
    const queue = new IndexQueue({
      concurrency: 1,
      progressInterval: 0,
      onProgress: () => undefined,
      lookOrder: (ids) => [...ids].sort((a, b) => b - a), // the pipeline's: largest file first
      work: (id) => {
        order.push(id);
        return Promise.resolve('ok');
      },
    });
    queue.enqueue([2, 9, 4]);
    queue.enqueue([7]);
    await queue.whenIdle();
    // The first batch in its order (one starts at once); a later batch follows it.
    expect(order).toEqual([9, 4, 2, 7]);
  });

  it('indexes a batch whose order cannot be read (the database failed) in the order found', async () => {
    const order: number[] = [];
    const queue = new IndexQueue({
      concurrency: 1,
      progressInterval: 0,
      onProgress: () => undefined,
      lookOrder: () => {
        throw new Error('SQLITE_IOERR: disk I/O error');
      },
      work: (id) => {
        order.push(id);
        return Promise.resolve('ok');
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      queue.enqueue([2, 9, 4]);
      await queue.whenIdle(); // its ids were pending in no lane: never idle
      expect(order).toEqual([2, 9, 4]);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  describe('with a quick look', () => {
    function lookingQueue(look: (id: number) => Promise<LookResult>, toldDone = false) {
      const calls: string[] = [];
      const queue = new IndexQueue({
        concurrency: 1,
        lookConcurrency: 1,
        progressInterval: 0,
        onProgress: () => undefined,
        looksDone: () => (toldDone ? calls.push('looks done') : undefined),
        look: async (id) => {
          calls.push(`look ${id}`);
          return look(id);
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      return { queue, calls };
    }

    it('looks at every id before indexing any; the costly ones are indexed first', async () => {
      const { queue, calls } = lookingQueue(
        (id) => Promise.resolve(id % 2 === 0 ? 'costly' : 'looked'),
        true,
      );
      queue.enqueue([1, 2, 3, 4]);
      await queue.whenIdle();
      // Every look first; then the costly ones (no cheap placeholder); then the others.
      // The pipeline is told when the last look is done, before any index runs.
      expect(calls).toEqual([
        ...['look 1', 'look 2', 'look 3', 'look 4', 'looks done'],
        ...['index 2', 'index 4', 'index 1', 'index 3'],
      ]);
      // A look is not an index: only the four full indexes count as done.
      expect(queue.status()).toMatchObject({ running: false, done: 4, total: 4 });
    });

    it('indexes what is on screen before the looks go on, and never looks at it after', async () => {
      const gate = deferred();
      const { queue, calls } = lookingQueue(async (id) => {
        if (id === 1) await gate.promise;
        return 'looked';
      });
      queue.enqueue([1, 2, 3]);
      expect(queue.status()).toMatchObject({ done: 0, total: 3 });
      expect(queue.prioritize([3])).toBe(1);
      gate.resolve();
      await queue.whenIdle();
      expect(calls).toEqual(['look 1', 'index 3', 'look 2', 'index 1', 'index 2']);
    });

    it('looks in the order given, and indexes the costly ids in the order found, then the rest in the order given', async () => {
      const calls: string[] = [];
      const queue = new IndexQueue({
        concurrency: 2,
        lookConcurrency: 2,
        progressInterval: 0,
        onProgress: () => undefined,
        lookOrder: (ids) => [...ids].reverse(), // the pipeline's is largest file first
        look: (id) => {
          calls.push(`look ${id}`);
          return Promise.resolve(id >= 3 ? 'costly' : 'looked');
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      queue.enqueue([1, 2, 3, 4, 5]);
      await queue.whenIdle();
      expect(calls).toEqual([
        ...['look 5', 'look 4', 'look 3', 'look 2', 'look 1'],
        ...['index 5', 'index 4', 'index 3', 'index 2', 'index 1'],
      ]);
      expect(queue.status()).toMatchObject({ done: 5, errors: 0 });
    });

    it('indexes an id whose look failed with the costly ones', async () => {
      const { queue, calls } = lookingQueue((id) =>
        id === 1 ? Promise.reject(new Error('a bug')) : Promise.resolve('looked'),
      );
      queue.enqueue([1, 2]);
      await queue.whenIdle();
      expect(calls).toEqual(['look 1', 'look 2', 'index 1', 'index 2']);
      expect(queue.status()).toMatchObject({ done: 2, errors: 0 });
    });

    it('moves a looked id to the costly lane when told it is costly after all', async () => {
      const calls: string[] = [];
      const told: boolean[] = [];
      const queue: IndexQueue = new IndexQueue({
        concurrency: 1,
        progressInterval: 0,
        onProgress: () => undefined,
        // As the pipeline does when an id's DC scans cannot paint it.
        looksDone: () => told.push(queue.costlier(3), queue.costlier(7)),
        look: () => Promise.resolve('looked'),
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      queue.enqueue([1, 2, 3]);
      await queue.whenIdle();
      expect(calls).toEqual(['index 3', 'index 1', 'index 2']); // once each
      expect(told).toEqual([true, false]); // 7 was never queued
      expect(queue.costlier(1)).toBe(false); // indexed: nothing to move
    });
  });
});
