// The order of a spin's frames: by the number in each file's name (the last run of digits
// before the extension: shoe_spin_07.jpg is 7), names without one after, in natural order.

/** The frame number a name carries, or null. */
export function frameNumber(name: string): number | null {
  const base = name.replace(/\.[^.]*$/, '');
  const digits = /(\d{1,9})(?!.*\d)/.exec(base)?.[1];
  return digits === undefined ? null : Number.parseInt(digits, 10);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export interface Named {
  id: number;
  name: string;
  /** The number a rule read; else the name's own. */
  number?: number | null;
}

/** Numbered frames by number (ties by name), then the rest in natural order. */
export function orderFrames<T extends Named>(
  items: readonly T[],
): (T & { number: number | null })[] {
  return items
    .map((item) => ({ ...item, number: item.number ?? frameNumber(item.name) }))
    .sort((a, b) => {
      if (a.number !== null && b.number !== null && a.number !== b.number)
        return a.number - b.number;
      if ((a.number === null) !== (b.number === null)) return a.number === null ? 1 : -1;
      return collator.compare(a.name, b.name) || a.id - b.id;
    });
}
