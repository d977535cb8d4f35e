// What a quick look decodes with (exifr, then sharp), loaded one piece per turn of the event
// loop. The first look starts as soon as a new catalog is listed, and the whole load in one
// go (~45 ms of CPU: sharp's native part ~26 ms, its JavaScript ~13 ms, exifr ~5 ms) held
// the page's first list request that long; between pieces, waiting requests are served.
// A live engine (the app, serve) loads them in its first idle turns after start
// (ingest-pipeline.ts), so the first catalog's looks do not wait for them either.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exifr } from '../metadata/exifr-api';
import { loadSharp, sharpLoaded } from './sharp-lib';

/** Files of sharp's CommonJS build, in the order its index loads them. */
const SHARP_PIECES = ['sharp.cjs', 'constructor.cjs', 'colour.cjs', 'utility.cjs'];

let loading: Promise<void> | null = null;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves once sharp and exifr are loaded. Never rejects: a library that cannot load fails
 * again where it is used, and that look reports it as before. `stopped` (a live engine's
 * warm-up: it has closed) ends the load between pieces; the next call starts it again.
 */
export function lookToolsLoaded(stopped: () => boolean = () => false): Promise<void> {
  if (sharpLoaded()) return Promise.resolve();
  return (loading ??= loadInPieces(stopped).then(
    (done) => {
      if (!done) loading = null;
    },
    () => undefined,
  ));
}

/** False: stopped before sharp was loaded. */
async function loadInPieces(stopped: () => boolean): Promise<boolean> {
  await turn();
  if (stopped()) return false;
  void exifr.thumbnail; // the proxy loads the package
  // sharp's heaviest files one by one (the module cache keeps them for sharp's own require):
  // its native binding, then the parts that do work as they load.
  const load = createRequire(import.meta.url);
  const dist = dirname(load.resolve('sharp'));
  for (const file of SHARP_PIECES) {
    await turn();
    if (stopped()) return false;
    load(join(dist, file));
  }
  await turn();
  if (stopped()) return false;
  loadSharp();
  return true;
}
