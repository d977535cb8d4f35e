import { describe, expect, it, vi } from 'vitest';
import { IndexQueue, type LookResult, type WorkResult } from './index-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A queue whose looks, paints and indexes are given, each paint and index recorded. */
function paintingQueue(options: {
  concurrency: number;
  look: (id: number) => Promise<LookResult>;
  paint: (id: number) => Promise<boolean>;
  work?: (id: number) => Promise<WorkResult>;
  paintedAhead?: number;
  /** Record when the queue says every costly id is painted. */
  paintsDone?: boolean;
}): { queue: IndexQueue; calls: string[] } {
  const calls: string[] = [];
  const queue = new IndexQueue({
    concurrency: options.concurrency,
    progressInterval: 0,
    onProgress: () => undefined,
    look: options.look,
    ...(options.paintedAhead === undefined ? {} : { paintedAhead: options.paintedAhead }),
    ...(options.paintsDone ? { paintsDone: () => calls.push('paints done') } : {}),
    paint: (id) => {
      calls.push(`paint ${id}`);
      return options.paint(id);
    },
    work: (id) => {
      calls.push(`index ${id}`);
      return options.work?.(id) ?? Promise.resolve('ok');
    },
  });
  return { queue, calls };
}

// The costly lane's paint step: a costly file's placeholder before any costly file's index.
describe('IndexQueue with a paint step', () => {
  it("paints every costly id before any costly id's index, then indexes them before the rest", async () => {
    const { queue, calls } = paintingQueue({
      concurrency: 1,
      look: (id) => Promise.resolve(id >= 3 ? 'costly' : 'looked'),
      paintsDone: true,
      // 5 has no paint step (say a RAW): its index runs in its paint's turn.
      paint: (id) => Promise.resolve(id !== 5),
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
    const gate = deferred();
    const { queue, calls } = paintingQueue({
      concurrency: 2,
      look: (id) => Promise.resolve(id >= 3 ? 'costly' : 'looked'),
      paint: async (id) => {
        if (id === 3) await gate.promise;
        return true;
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
    const gate = deferred();
    const { queue, calls } = paintingQueue({
      concurrency: 2,
      look: () => Promise.resolve('costly'),
      paintedAhead: 2,
      // A stream of costly files: 3's paint is slow, and every other paint is done.
      paint: async (id) => {
        if (id === 3) await gate.promise;
        return true;
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
    const gate = deferred();
    const { queue, calls } = paintingQueue({
      concurrency: 2,
      look: () => Promise.resolve('costly'),
      paintsDone: true,
      // 1 is too big to paint (or a RAW, a HEIC): its full index runs in its paint's turn.
      paint: (id) => Promise.resolve(id !== 1),
      work: async (id) => {
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
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { queue, calls } = paintingQueue({
      concurrency: 1,
      look: () => Promise.resolve('costly'),
      // Say the placeholder's write failed (the database busy): the paint is not an index.
      paint: (id) => (id === 1 ? Promise.reject(new Error('SQLITE_BUSY')) : Promise.resolve(true)),
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
    const gate = deferred();
    const { queue, calls } = paintingQueue({
      concurrency: 1,
      look: () => Promise.resolve('costly'),
      paint: async () => {
        await gate.promise;
        return true;
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
