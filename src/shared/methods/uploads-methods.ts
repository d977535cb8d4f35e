// Uploads: a file's bytes sent from the page in chunks (browser mode has no path to give, and
// one request body is at most 1 MiB), then named by its id, as products.import does.
import { z } from 'zod';
import { type } from '../phantom-type';
import { lazyMethods } from './lazy-methods';

/** Bytes per chunk: 512 KiB is 699,052 base64 characters, well inside a 1 MiB request. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** The largest upload: the largest CSV the import takes. */
export const UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

export const uploadId = z
  .string()
  .regex(/^[0-9a-f-]{36}$/, 'not an upload id')
  .describe('from uploads.begin');

export const uploadsMethods = lazyMethods(() => ({
  /** Opens an upload of `bytes` bytes; it is held in memory until discarded or idle 15 min. */
  'uploads.begin': {
    args: z.object({ bytes: z.number().int().min(1).max(UPLOAD_MAX_BYTES) }).strict(),
    result: type<{ uploadId: string; chunkBytes: number }>(),
  },
  /** The next chunk, at `offset` (what was received so far: a retry of the same chunk is kept once). */
  'uploads.append': {
    args: z
      .object({
        uploadId,
        offset: z.number().int().min(0).max(UPLOAD_MAX_BYTES),
        base64: z
          .string()
          .min(1)
          .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
    result: type<{ received: number }>(),
  },
  /** Ends the upload: every declared byte must have arrived. */
  'uploads.commit': {
    args: z.object({ uploadId }).strict(),
    result: type<{ bytes: number }>(),
  },
  /** Frees the upload's memory (also done after 15 idle minutes). */
  'uploads.discard': {
    args: z.object({ uploadId }).strict(),
    result: type<{ removed: boolean }>(),
  },
}));
