import { describe, expect, it } from 'vitest';
import { createRowSlots, inSlotOrder } from './row-slots';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('row slots', () => {
  it('keeps the slot of a row that stays, and gives a new row the slot of one that left', () => {
    const slots = createRowSlots();
    expect([...slots.assign(range(10, 14))]).toEqual([
      [10, 0],
      [11, 1],
      [12, 2],
      [13, 3],
      [14, 4],
    ]);
    const down = slots.assign(range(11, 15));
    expect(range(11, 14).map((r) => down.get(r))).toEqual([1, 2, 3, 4]);
    expect(down.get(15)).toBe(0);
    const up = slots.assign(range(10, 14));
    expect(up.get(10)).toBe(0);
    expect(range(11, 14).map((r) => up.get(r))).toEqual([1, 2, 3, 4]);
  });

  it('after a jump gives the old slots to the new rows lowest first, and adds slots only when more rows show', () => {
    const slots = createRowSlots();
    slots.assign(range(0, 3));
    slots.assign(range(1, 4)); // row 4 takes slot 0
    const jumped = slots.assign(range(500, 503));
    expect(range(500, 503).map((r) => jumped.get(r))).toEqual([0, 1, 2, 3]);
    const more = slots.assign(range(498, 505));
    expect(new Set(more.values()).size).toBe(8);
    expect(range(500, 503).map((r) => more.get(r))).toEqual([0, 1, 2, 3]);
    expect(Math.max(...more.values())).toBe(7);
  });

  it('gives the same slots to the same rows asked twice (a second render agrees)', () => {
    const slots = createRowSlots();
    slots.assign(range(0, 5));
    const once = [...slots.assign(range(3, 8))];
    expect([...slots.assign(range(3, 8))]).toEqual(once);
  });

  it('orders rows by slot', () => {
    const rows = range(11, 15).map((index) => ({ index }));
    const slotOf = new Map([
      [11, 1],
      [12, 2],
      [13, 3],
      [14, 4],
      [15, 0],
    ]);
    expect(inSlotOrder(rows, slotOf).map((r) => r.index)).toEqual([15, 11, 12, 13, 14]);
  });
});
