// Catalogs: registering folders, configuring and scanning them.
import { z } from 'zod';
import type { Catalog } from '../dto';
import { type } from '../phantom-type';
import { id, empty } from './schema-parts';
import { userGlob } from './pattern-check';
import { lazyMethods } from './lazy-methods';

export const catalogsMethods = lazyMethods(() => ({
  /** Registers a folder and starts its first scan in the background. */
  'catalogs.add': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: type<Catalog>(),
  },
  'catalogs.list': { args: empty, result: type<Catalog[]>() },
  'catalogs.remove': {
    args: z.object({ id }).strict(),
    result: type<{ removed: boolean }>(),
  },
  /** Sets a catalog's ignore patterns (rescans it) and XMP write-back. */
  'catalogs.configure': {
    args: z
      .object({
        id,
        ignore: z.array(userGlob).max(200).optional(),
        xmp: z.enum(['off', 'sidecar', 'embedded']).optional(),
        xmpNaming: z.enum(['adobe', 'extension']).optional(),
      })
      .strict(),
    result: type<Catalog>(),
  },
  /** Walks the catalog (or all), lists new files at once and queues them for indexing. */
  'catalogs.scan': {
    args: z.object({ id: id.optional() }).strict(),
    result: type<{ listed: number; queued: number }>(),
  },
}));
