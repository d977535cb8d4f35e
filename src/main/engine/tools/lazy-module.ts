// Packages most commands never use (the AI's runtimes, CSV, zip, EXIF), loaded on first use
// rather than when the engine starts: every `packshot` command loads the whole engine, and
// loading them all cost ~0.15 s of CPU before a re-export with nothing to do could begin.
// Each has a CommonJS build, taken here through require (sharp has its own: sharp-lib.ts).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A getter for package `id`, required on its first call and kept. */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
