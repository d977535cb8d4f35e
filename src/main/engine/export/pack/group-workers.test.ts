// Every worker gets a group of its own before any reads one ahead.
import { describe, expect, it } from 'vitest';
import { runGroupWorkers } from './group-workers';

describe('runGroupWorkers', () => {
  it('gives each of two workers one of two groups, though a worker takes its next at once', async () => {
    const queue = ['a', 'b'];
    const got: string[][] = [];
    await runGroupWorkers(queue, 2, async (first) => {
      const mine: string[] = [];
      got.push(mine);
      // As run-export's worker does: its next group is taken before its first renders.
      for (let g = first, next = queue.shift(); g !== undefined; g = next, next = queue.shift()) {
        await Promise.resolve();
        mine.push(g);
      }
    });
    expect(got).toEqual([['a'], ['b']]);
  });

  it('runs one worker when asked for none, and takes nothing for workers beyond the queue', async () => {
    const seen: (string | undefined)[] = [];
    await runGroupWorkers(['a'], 0, (first) => Promise.resolve(void seen.push(first)));
    expect(seen).toEqual(['a']);
    const more: (string | undefined)[] = [];
    await runGroupWorkers(['a'], 3, (first) => Promise.resolve(void more.push(first)));
    expect(more).toEqual(['a', undefined, undefined]);
  });
});
