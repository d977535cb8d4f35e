// A namespace's methods, built on first use. Constructing zod schemas costs: every method's
// together took ~30 ms of a command line's start, and one command uses one or two methods.
// Each methods/<namespace>-methods.ts wraps its map in this; contract.ts builds a namespace
// when one of its methods is first looked up (tests that walk them all build them all).
export interface LazyMethods<T> {
  (): T;
  /** Whether the map was built yet (for the test that shows a lookup builds one namespace). */
  readonly built: boolean;
}

export function lazyMethods<T>(build: () => T): LazyMethods<T> {
  let built: T | undefined;
  const get = (): T => (built ??= build());
  return Object.defineProperty(get, 'built', { get: () => built !== undefined }) as LazyMethods<T>;
}
