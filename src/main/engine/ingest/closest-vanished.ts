import type { Located } from '../repositories/asset-file-repo';

/** What the choice looks at: where a file is and what the file system calls it. */
export type FileWhere = Pick<Located, 'catalogId' | 'relPath' | 'name' | 'ino' | 'dev' | 'mtimeMs'>;

/**
 * The same file, moved or renamed on one volume: same inode and device, and the mtime a
 * rename keeps (a freed inode handed to a new copy comes with a new mtime).
 */
function sameFile(a: FileWhere, b: FileWhere): boolean {
  return (
    a.ino !== null &&
    a.dev !== null &&
    a.ino === b.ino &&
    a.dev === b.dev &&
    sameTime(a.mtimeMs, b.mtimeMs)
  );
}

/**
 * Whole milliseconds, within one: a stat's Date rounds what mtimeMs (truncated here) keeps,
 * so a tool that copies the dates through a Date can land one millisecond off.
 */
function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1;
}

/**
 * A new copy of the asset, not the asset moved: on the same volume (a move there is a
 * rename, which keeps the inode) with another inode and a new mtime (a tool that moves by
 * copying keeps the dates). Told apart without waiting for the move to be seen, so a copy
 * made while the original moves cannot take its id, whichever the watcher reports first.
 */
function freshCopy(file: FileWhere, vanished: FileWhere): boolean {
  return (
    file.dev !== null &&
    file.dev === vanished.dev &&
    file.ino !== vanished.ino &&
    !sameTime(file.mtimeMs, vanished.mtimeMs)
  );
}

function foldersOf(relPath: string): string[] {
  return relPath.split('/').slice(0, -1);
}

/**
 * How much two paths' folders have in common: the leading folders (a move deeper or
 * sideways) and the trailing ones (a folder moved somewhere else with its files).
 */
function folderLikeness(a: FileWhere, b: FileWhere): number {
  if (a.catalogId !== b.catalogId) return 0;
  const x = foldersOf(a.relPath);
  const y = foldersOf(b.relPath);
  const most = Math.min(x.length, y.length);
  let lead = 0;
  while (lead < most && x[lead] === y[lead]) lead++;
  let trail = 0;
  while (lead + trail < most && x[x.length - 1 - trail] === y[y.length - 1 - trail]) trail++;
  return 1 + lead + trail;
}

/** Characters two names share from the start (`IMG_0001.jpg` renamed `IMG_0001-final.jpg`). */
function nameLikeness(a: string, b: string): number {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  return at;
}

/** How well a file fits where a vanished asset was, best first when compared in order. */
function fit(file: FileWhere, vanished: FileWhere): number[] {
  return [
    sameFile(file, vanished) ? 1 : 0,
    file.name === vanished.name ? 1 : 0,
    folderLikeness(file, vanished),
    nameLikeness(file.name, vanished.name),
  ];
}

/**
 * Which of several vanished assets with the same content a newly seen file is. The inode
 * and device first (with the mtime): a move or rename on one volume keeps them. Across volumes, or with a
 * tool that copies then deletes, the inode is new: then the same name, then the folder
 * most alike, then the name most alike; the order given (originals first) settles the
 * rest. A new copy on the asset's volume (`freshCopy`) is never it. A vanished asset that one of `rivals` (other new files of the same size, not read
 * yet) fits better is left to it: so a copy made beside an original that moved never
 * takes the original's id. Undefined: none of them is this file's.
 */
export function closestVanished<T extends FileWhere>(
  file: FileWhere,
  vanished: readonly T[],
  rivals: readonly FileWhere[],
): T | undefined {
  let best: T | undefined;
  let bestFit: number[] = [];
  for (const other of vanished) {
    if (freshCopy(file, other)) continue;
    const mine = fit(file, other);
    if (rivals.some((rival) => isGreater(fit(rival, other), mine))) continue;
    if (best === undefined || isGreater(mine, bestFit)) {
      best = other;
      bestFit = mine;
    }
  }
  return best;
}
/** Compares two fits element by element: the first that differs decides. */
function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
