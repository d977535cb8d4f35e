// Folders: the folder tree of a catalog, with asset counts.
import { z } from 'zod';
import type { FolderNode } from '../dto';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const foldersMethods = lazyMethods(() => ({
  /** Every folder of a catalog (or all) that holds assets, with counts including subfolders. */
  'folders.list': {
    args: z.object({ catalogId: id.optional() }).strict(),
    result: type<FolderNode[]>(),
  },
}));
