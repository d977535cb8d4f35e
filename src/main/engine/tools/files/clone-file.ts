import { constants } from 'node:fs';
import { copyFile } from 'node:fs/promises';

/** Makes dst a copy of src, or throws; the version store's seam for tests. */
export type CloneFile = (src: string, dst: string) => Promise<void>;

/**
 * A copy-on-write clone (a reflink: Btrfs, XFS with reflink=1, APFS, ZFS 2.2+ with block
 * cloning): free in disk space and near-instant. Never falls back to a full copy: where the
 * file system cannot clone it throws (ENOTSUP, EXDEV across volumes, EOPNOTSUPP, ENOSYS…).
 */
export const cloneFile: CloneFile = (src, dst) =>
  copyFile(src, dst, constants.COPYFILE_FICLONE_FORCE | constants.COPYFILE_EXCL);
