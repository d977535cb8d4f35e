// Versions: every content an asset has had, the old bytes kept in the data folder's store.
import { z } from 'zod';
import type { VersionChange, VersionCompare, VersionList } from '../version-dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { uploadId } from './uploads-methods';
import { lazyMethods } from './lazy-methods';

const n = z.number().int().min(1);

export const versionsMethods = lazyMethods(() => ({
  /** The asset's versions, oldest first, each saying whether it can be restored. */
  'versions.list': { args: z.object({ id }).strict(), result: type<VersionList>() },
  /**
   * Replaces the asset's file with another file's bytes (a drop on the asset, the CLI): the
   * current bytes are kept in the store first, the file is written over atomically and
   * indexed again. Same asset: its tags, links, rights and approvals stay. An upload is
   * discarded once used.
   */
  'versions.replace': {
    args: z
      .object({
        id,
        path: z.string().min(1).max(4096).optional(),
        /** Browser mode: the bytes as a committed upload (uploads.*), and the file's name. */
        uploadId: uploadId.optional(),
        name: z.string().min(1).max(255).optional(),
      })
      .strict()
      .refine((a) => (a.path === undefined) !== (a.uploadId === undefined), {
        message: 'give one of path, uploadId',
      }),
    result: type<VersionChange>(),
  },
  /** Writes version n's kept bytes back over the file: a new version (history is never rewritten). */
  'versions.restore': { args: z.object({ id, n }).strict(), result: type<VersionChange>() },
  /** Two versions side by side (their facts and metadata) and a pixel-difference image. */
  'versions.compare': {
    args: z.object({ id, a: n, b: n }).strict(),
    result: type<VersionCompare>(),
  },
}));
