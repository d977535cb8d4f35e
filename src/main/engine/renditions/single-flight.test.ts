import { describe, expect, it } from 'vitest';
import { Limiter, SingleFlight } from './single-flight';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('single flight and the render limit', () => {
  it('runs at most `limit` at once, each in turn', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) =>
      limiter.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        return i;
      }),
    );
    for (let done = 0; done < 6; done++) {
      await tick();
      expect(running).toBeLessThanOrEqual(2);
      releases.shift()?.();
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('lets callers join the running work of their key only', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const first = flights.start(
      'k',
      async () => {
        runs++;
        await tick();
        return 7;
      },
      () => false,
    );
    expect(flights.joining('k')).toBe(first);
    expect(flights.joining('other')).toBeUndefined();
    expect(await first).toBe(7);
    expect(runs).toBe(1);
    expect(flights.joining('k')).toBeUndefined(); // not kept: linger said no
  });
});
