// Which DOM row each list row of the grid's window renders into. A row that stays in view
// keeps its slot; a row that comes into view takes the slot of one that left. Keyed by slot,
// React patches a row scrolled in over the DOM of the one scrolled out, and a jump patches
// every row in place, instead of unmounting rows of cells and building new ones each time
// (removing a row's subtree cost more than building one). Rows are absolutely placed, so
// the DOM follows slot order (React moves nothing); aria-rowindex names each row's place and
// the grid's aria-owns gives screen readers the rows in visual order.

export interface RowSlots {
  /** The slot of each list row in `rows` (ascending, contiguous or not). */
  assign(rows: readonly number[]): ReadonlyMap<number, number>;
}

export function createRowSlots(): RowSlots {
  let previous = new Map<number, number>();
  return {
    assign(rows) {
      const next = new Map<number, number>();
      const kept = new Set<number>();
      for (const row of rows) {
        const slot = previous.get(row);
        if (slot !== undefined) {
          next.set(row, slot);
          kept.add(slot);
        }
      }
      // Freed slots go to new rows lowest first, so after a jump slot order is row order.
      const freed = [...previous.values()].filter((s) => !kept.has(s)).sort((a, b) => a - b);
      let fresh = previous.size === 0 ? 0 : Math.max(...previous.values()) + 1;
      for (const row of rows) {
        if (next.has(row)) continue;
        next.set(row, freed.shift() ?? fresh++);
      }
      previous = next;
      return next;
    },
  };
}

/** The rows in slot order: the DOM order that lets React patch rows without moving any. */
export function inSlotOrder<T extends { index: number }>(
  rows: readonly T[],
  slots: ReadonlyMap<number, number>,
): T[] {
  return [...rows].sort((a, b) => (slots.get(a.index) ?? 0) - (slots.get(b.index) ?? 0));
}
