// Grid cells decode their ThumbHash placeholders within a time budget per frame. A jump or
// a fast scroll mounts dozens of cells at once, each decode costs 0.3–1.5 ms of main thread
// (pixels, then a PNG), and in a real library every cell has its own hash; undecoded, they
// all landed in one frame. Past the budget a cell shows the pending look and is decoded in
// a later slice, and a cell that scrolls away before its turn is never decoded.
import { useEffect, useReducer } from 'react';
import { cachedPlaceholderUrl, placeholderUrl } from './placeholder-url';

export interface PlaceholderBudget {
  /** The data URL now (cached or within budget), null for none, undefined: not yet. */
  now(placeholder: string | null): string | null | undefined;
  /** Calls `ready` once `placeholder` is decoded; returns the unsubscribe. */
  whenDecoded(placeholder: string, ready: () => void): () => void;
}

export interface BudgetOptions {
  /** Decode time allowed per window; one decode always goes through. */
  budgetMs?: number;
  /** About a frame. */
  windowMs?: number;
  clock?: () => number;
  decode?: (placeholder: string) => string | null;
}

export function createPlaceholderBudget(options: BudgetOptions = {}): PlaceholderBudget {
  const budgetMs = options.budgetMs ?? 6;
  const windowMs = options.windowMs ?? 16;
  const clock = options.clock ?? (() => performance.now());
  const decode = options.decode ?? placeholderUrl;
  let windowStart = -Infinity;
  let spent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const waiting = new Map<string, Set<() => void>>();

  const budgetLeft = (): boolean => {
    const t = clock();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      spent = 0;
    }
    return spent < budgetMs;
  };
  const timedDecode = (placeholder: string): string | null => {
    const t = clock();
    const url = decode(placeholder);
    spent += clock() - t;
    return url;
  };

  const drain = (): void => {
    timer = null;
    const ready: Array<() => void> = [];
    for (const [placeholder, listeners] of waiting) {
      if (!budgetLeft()) break;
      if (cachedPlaceholderUrl(placeholder) === undefined) timedDecode(placeholder);
      waiting.delete(placeholder);
      ready.push(...listeners);
    }
    for (const listener of ready) listener();
    if (waiting.size > 0) schedule();
  };
  const schedule = (): void => {
    if (timer !== null) return;
    timer = setTimeout(drain, Math.max(0, windowStart + windowMs - clock()));
  };

  return {
    now(placeholder) {
      if (placeholder === null || placeholder === '') return null;
      const hit = cachedPlaceholderUrl(placeholder);
      if (hit !== undefined) return hit;
      return budgetLeft() ? timedDecode(placeholder) : undefined;
    },
    whenDecoded(placeholder, ready) {
      const listeners = waiting.get(placeholder) ?? new Set<() => void>();
      listeners.add(ready);
      waiting.set(placeholder, listeners);
      schedule();
      return () => {
        listeners.delete(ready);
        if (listeners.size === 0 && waiting.get(placeholder) === listeners)
          waiting.delete(placeholder);
      };
    },
  };
}

const shared = createPlaceholderBudget();

/** A grid cell's placeholder: now if the budget allows, else after a re-render. */
export function useBudgetedPlaceholder(placeholder: string | null): string | null {
  const url = shared.now(placeholder);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (url !== undefined || placeholder === null) return undefined;
    return shared.whenDecoded(placeholder, rerender);
  }, [placeholder, url]);
  return url ?? null;
}
