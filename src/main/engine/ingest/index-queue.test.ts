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

    it("paints every costly id before any costly id's index, then indexes them before the rest", async () => {
      const calls: string[] = [];
      const queue = new IndexQueue({
        concurrency: 1,
        progressInterval: 0,
        onProgress: () => undefined,
        look: (id) => Promise.resolve(id >= 3 ? 'costly' : 'looked'),
        paintsDone: () => calls.push('paints done'),
        // 5 has no paint step (say a RAW): its index runs in its paint's turn.
        paint: (id) => {
          calls.push(`paint ${id}`);
          return Promise.resolve(id !== 5);
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      queue.enqueue([1, 2, 3, 4, 5, 6]);
      await queue.whenIdle();
      expect(calls).toEqual([
        ...['paint 3', 'paint 4', 'paint 5', 'index 5', 'paint 6', 'paints done'],
        ...['index 3', 'index 4', 'index 6', 'index 1', 'index 2'],
      ]);
      // A paint is not an index: only the six full indexes count as done.
      expect(queue.status()).toMatchObject({ running: false, done: 6, total: 6 });
    });

    it('starts no other index while a paint runs', async () => {
      const calls: string[] = [];
      const gate = deferred();
      const queue = new IndexQueue({
        concurrency: 2,
        progressInterval: 0,
        onProgress: () => undefined,
        look: (id) => Promise.resolve(id >= 3 ? 'costly' : 'looked'),
        paint: async (id) => {
          calls.push(`paint ${id}`);
          if (id === 3) await gate.promise;
          return true;
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      queue.enqueue([1, 2, 3, 4]);
      for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
      // 4's paint is done and a slot is free, but 3's paint still runs: nothing else starts.
      expect(calls).toEqual(['paint 3', 'paint 4']);
      gate.resolve();
      await queue.whenIdle();
      expect(calls.slice(2)).toEqual(['index 4', 'index 3', 'index 1', 'index 2']);
    });

    it('indexes painted ids beside paints once more than paintedAhead of them wait', async () => {
      const calls: string[] = [];
      const gate = deferred();
      const queue = new IndexQueue({
        concurrency: 2,
        progressInterval: 0,
        onProgress: () => undefined,
        look: () => Promise.resolve('costly'),
        paintedAhead: 2,
        // A stream of costly files: 3's paint is slow, and every other paint is done.
        paint: async (id) => {
          calls.push(`paint ${id}`);
          if (id === 3) await gate.promise;
          return true;
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      queue.enqueue([1, 2, 3, 4, 5, 6]);
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
      // While 3 paints, two painted ids waiting are enough for indexes to start beside it.
      expect(calls).toContain('index 1');
      gate.resolve();
      await queue.whenIdle();
      expect(queue.status()).toMatchObject({ done: 6, errors: 0 });
      expect(calls.filter((c) => c.startsWith('paint'))).toHaveLength(6);
    });

    it('indexes painted ids beside the full index of a costly id it could not paint', async () => {
      const calls: string[] = [];
      const gate = deferred();
      const queue = new IndexQueue({
        concurrency: 2,
        progressInterval: 0,
        onProgress: () => undefined,
        look: () => Promise.resolve('costly'),
        paintsDone: () => calls.push('paints done'),
        // 1 is too big to paint (or a RAW, a HEIC): its full index runs in its paint's turn.
        paint: (id) => {
          calls.push(`paint ${id}`);
          return Promise.resolve(id !== 1);
        },
        work: async (id) => {
          calls.push(`index ${id}`);
          if (id === 1) await gate.promise;
          return 'ok';
        },
      });
      queue.enqueue([1, 2, 3, 4]);
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
      // 1's index is an index, not a paint: the other core indexes the painted ids meanwhile,
      // once every paint is done.
      const indexes = calls.filter((c) => c.startsWith('index'));
      expect(indexes).toEqual(['index 1', 'index 2', 'index 3', 'index 4']);
      expect(calls.indexOf('paints done')).toBeGreaterThan(calls.indexOf('paint 4'));
      expect(calls.indexOf('paints done')).toBeLessThan(calls.indexOf('index 2'));
      gate.resolve();
      await queue.whenIdle();
      expect(queue.status()).toMatchObject({ done: 4, errors: 0 });
    });

    it('indexes an id whose paint threw at once, as one it could not paint', async () => {
      const calls: string[] = [];
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const queue = new IndexQueue({
        concurrency: 1,
        progressInterval: 0,
        onProgress: () => undefined,
        look: () => Promise.resolve('costly'),
        // Say the placeholder's write failed (the database busy): the paint is not an index.
        paint: (id) => {
          calls.push(`paint ${id}`);
          return id === 1 ? Promise.reject(new Error('SQLITE_BUSY')) : Promise.resolve(true);
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      try {
        queue.enqueue([1, 2]);
        await queue.whenIdle();
        expect(calls).toEqual(['paint 1', 'index 1', 'paint 2', 'index 2']);
        expect(queue.status()).toMatchObject({ done: 2, errors: 0 });
        expect(errors).toHaveBeenCalledTimes(1);
      } finally {
        errors.mockRestore();
      }
    });

    it('indexes a painted id again when it was queued again during its paint', async () => {
      const calls: string[] = [];
      const gate = deferred();
      const queue: IndexQueue = new IndexQueue({
        concurrency: 1,
        progressInterval: 0,
        onProgress: () => undefined,
        look: () => Promise.resolve('costly'),
        paint: async (id) => {
          calls.push(`paint ${id}`);
          await gate.promise;
          return true;
        },
        work: (id) => {
          calls.push(`index ${id}`);
          return Promise.resolve('ok');
        },
      });
      queue.enqueue([1]);
      for (let i = 0; i < 20 && calls.length === 0; i++) await Promise.resolve();
      queue.enqueue([1]); // changed on disk while painted
      gate.resolve();
      await queue.whenIdle();
      expect(calls).toEqual(['paint 1', 'index 1']); // its one index reads it as it is now
    });
  });
});
