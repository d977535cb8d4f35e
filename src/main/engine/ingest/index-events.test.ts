import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../events/event-bus';
import { IndexEvents } from './index-events';

describe('IndexEvents: placeholders', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function record(): { events: IndexEvents; batches: number[][] } {
    const bus = new EventBus();
    const batches: number[][] = [];
    bus.subscribe((name, payload) => {
      if (name === 'assets.placeholders')
        batches.push((payload as { items: { id: number }[] }).items.map((i) => i.id));
    });
    return { events: new IndexEvents(bus), batches };
  }

  it('sends what is batched at once when the looks are done', () => {
    const { events, batches } = record();
    events.paint({ id: 1, placeholder: 'a' });
    vi.advanceTimersByTime(0);
    events.paint({ id: 2, placeholder: 'b' });
    events.paintNow(); // not 50 ms after the first batch
    expect(batches).toEqual([[1], [2]]);
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[1], [2]]); // its timer went with it
  });

  it('sends the first batch at once, then at most one batch per 50 ms', () => {
    const { events, batches } = record();
    events.paint({ id: 1, placeholder: 'a' });
    events.paint({ id: 2, placeholder: 'b' });
    expect(batches).toEqual([]); // what one turn of the loop paints goes out together
    vi.advanceTimersByTime(0);
    expect(batches).toEqual([[1, 2]]);
    events.paint({ id: 3, placeholder: 'c' });
    vi.advanceTimersByTime(49);
    expect(batches).toEqual([[1, 2]]);
    events.paint({ id: 4, placeholder: 'd' });
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    // A placeholder after a quiet spell is not held back.
    vi.advanceTimersByTime(200);
    events.paint({ id: 5, placeholder: 'e' });
    vi.advanceTimersByTime(0);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('keeps sending when the wall clock is set back (NTP, the user) mid-scan', () => {
    const { events, batches } = record();
    events.paint({ id: 1, placeholder: 'a' });
    vi.advanceTimersByTime(0);
    vi.setSystemTime(Date.now() - 3_600_000);
    events.paint({ id: 2, placeholder: 'b' });
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([[1], [2]]);
  });

  it('flush sends what waits at once', () => {
    const { events, batches } = record();
    events.paint({ id: 1, placeholder: 'a' });
    vi.advanceTimersByTime(0);
    events.paint({ id: 2, placeholder: 'b' });
    events.flush();
    expect(batches).toEqual([[1], [2]]);
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[1], [2]]);
  });
});
