// Turns the engine's flat folder list into one tree per catalog. The engine lists folders
// that hold assets (with counts including subfolders); any ancestor it leaves out is made up
// here, with the sum of its children as its count, so every folder has a way to reach it.
import type { FolderNode } from '../../../shared/dto';

export interface FolderTreeNode {
  catalogId: number;
  /** Relative to the catalog, '/' separated; '' is the catalog itself. */
  path: string;
  /** The last path segment ('' for the catalog). */
  name: string;
  count: number;
  children: FolderTreeNode[];
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** catalogId → its root node (path ''). */
export function buildFolderTrees(nodes: readonly FolderNode[]): Map<number, FolderTreeNode> {
  const trees = new Map<number, FolderTreeNode>();
  const known = new Map<string, FolderTreeNode>();
  const listed = new Set<string>();

  const nodeFor = (catalogId: number, path: string): FolderTreeNode => {
    const key = folderKey(catalogId, path);
    const existing = known.get(key);
    if (existing !== undefined) return existing;
    const slash = path.lastIndexOf('/');
    const node: FolderTreeNode = {
      catalogId,
      path,
      name: path.slice(slash + 1),
      count: 0,
      children: [],
    };
    known.set(key, node);
    if (path === '') trees.set(catalogId, node);
    else nodeFor(catalogId, slash < 0 ? '' : path.slice(0, slash)).children.push(node);
    return node;
  };

  for (const { catalogId, path, count } of nodes) {
    const clean = path.replace(/^\/+|\/+$/g, '');
    nodeFor(catalogId, clean).count = count;
    listed.add(folderKey(catalogId, clean));
  }
  for (const root of trees.values()) finish(root, listed);
  return trees;
}

/** Sorts children by name and fills in the counts of made-up ancestors. */
function finish(node: FolderTreeNode, listed: ReadonlySet<string>): number {
  node.children.sort((a, b) => byName.compare(a.name, b.name));
  let sum = 0;
  for (const child of node.children) sum += finish(child, listed);
  if (!listed.has(folderKey(node.catalogId, node.path))) node.count = sum;
  return node.count;
}

/** One key per folder across catalogs, for expansion state. */
export function folderKey(catalogId: number, path: string): string {
  return `${catalogId}:${path}`;
}

/** The folders above `path`, outermost first, not counting the catalog ('a/b/c' → a, a/b). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
