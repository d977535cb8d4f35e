import * as exifrModule from 'exifr';

type Exifr = typeof import('exifr');

/**
 * exifr ships a UMD build (what Node loads: everything on the default export) and an ESM
 * build (what Vite loads: named exports, and a default without `sidecar`). Take whichever
 * carries the full API.
 */
const namespace = exifrModule as unknown as Exifr & { default?: Exifr };
export const exifr: Exifr =
  typeof namespace.sidecar === 'function' ? namespace : (namespace.default ?? namespace);
