import type { FolderNode } from '../../../shared/dto';

/**
 * Folders with their asset counts including everything below them, from the counts of
 * assets directly in each folder. Ancestors with no assets of their own are included.
 */
export function buildFolderTree(
  direct: readonly { catalogId: number; folder: string; count: number }[],
): FolderNode[] {
  const totals = new Map<string, FolderNode>();
  for (const { catalogId, folder, count } of direct) {
    const parts = folder === '' ? [] : folder.split('/');
    for (let depth = 0; depth <= parts.length; depth++) {
      const path = parts.slice(0, depth).join('/');
      const key = `${catalogId}\u0000${path}`;
      const node = totals.get(key) ?? { catalogId, path, count: 0 };
      node.count += count;
      totals.set(key, node);
    }
  }
  return [...totals.values()].sort(
    (a, b) => a.catalogId - b.catalogId || a.path.localeCompare(b.path),
  );
}
