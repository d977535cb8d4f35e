import { describe, expect, it } from 'vitest';
import { abortableSleep } from './abortable-sleep';

describe('abortableSleep', () => {
  it('resolves true once the time has passed', async () => {
    expect(await abortableSleep(5, new AbortController().signal)).toBe(true);
  });

  it('resolves false at once on an abort, and leaves no listener behind', async () => {
    const control = new AbortController();
    const slept = abortableSleep(60_000, control.signal);
    control.abort();
    expect(await slept).toBe(false);
    expect(await abortableSleep(60_000, control.signal)).toBe(false);
  });
});
