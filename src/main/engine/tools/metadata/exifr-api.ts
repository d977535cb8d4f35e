import { lazyModule } from '../lazy-module';

type Exifr = typeof import('exifr');

// Loaded on the first read, not with the engine (a re-export reads no metadata).
const exifrModule = lazyModule<Exifr & { default?: Exifr }>('exifr');

/**
 * exifr ships a UMD build (what Node loads: everything on the default export) and an ESM
 * build (what Vite loads: named exports, and a default without `sidecar`). Take whichever
 * carries the full API.
 */
let api: Exifr | undefined;
function load(): Exifr {
  const namespace = exifrModule();
  return (api ??=
    typeof namespace.sidecar === 'function' ? namespace : (namespace.default ?? namespace));
}

/** exifr's API (`exifr.parse`, `exifr.thumbnail`…), loading the package on first use. */
export const exifr: Exifr = new Proxy({} as Exifr, {
  get: (_target, key) => Reflect.get(load(), key) as unknown,
});
