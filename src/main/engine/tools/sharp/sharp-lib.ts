// sharp, loaded on first use rather than when the engine starts: a command that renders
// nothing (a re-export with nothing changed, `presets list`) does not pay for loading it
// (~50 ms of CPU through require; its ES module build took ~150 ms). Every engine module
// takes sharp from here. The first use turns libvips' operation cache off (each file is
// decoded once, so it would only hold memory) and applies the thread count asked for.
import { createRequire } from 'node:module';
import type SharpLib from 'sharp';

type Sharp = typeof SharpLib;

let lib: Sharp | null = null;
let threads: number | null = null;

function load(): Sharp {
  if (lib) return lib;
  const loaded = createRequire(import.meta.url)('sharp') as Sharp;
  loaded.cache(false);
  if (threads !== null) loaded.concurrency(threads);
  lib = loaded;
  return loaded;
}

/** `sharp(...)` and its statics (`sharp.strategy`…), loading the library on first use. */
export const sharp: Sharp = new Proxy(function () {} as unknown as Sharp, {
  apply: (_target, _this, args: unknown[]) => (load() as (...a: unknown[]) => unknown)(...args),
  get: (_target, key) => Reflect.get(load(), key) as unknown,
});

/** libvips threads per image: applied now if sharp is loaded, else when it is. */
export function setSharpThreads(count: number): void {
  threads = count;
  lib?.concurrency(count);
}

/**
 * Loads sharp now. Before a worker thread that uses it starts: on glibc the main thread
 * must hold the library, or libvips is unloaded when that thread ends (sharp's note on
 * worker threads), and only this thread applies the thread count asked for.
 */
export function loadSharp(): void {
  load();
}

/** Whether this thread has loaded sharp yet. */
export function sharpLoaded(): boolean {
  return lib !== null;
}

export function sharpThreads(): number {
  return threads ?? load().concurrency();
}
