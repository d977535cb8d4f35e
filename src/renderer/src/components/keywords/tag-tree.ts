// The keyword tree from tags.list's flat rows (each knows its parent), sorted by name.
import type { Tag } from '../../../../shared/dto';

export interface TagNode {
  tag: Tag;
  children: TagNode[];
}

export function buildTagTree(tags: readonly Tag[]): TagNode[] {
  const nodes = new Map<number, TagNode>();
  for (const tag of tags) nodes.set(tag.id, { tag, children: [] });
  const roots: TagNode[] = [];
  for (const node of nodes.values()) {
    const parent = nodes.get(node.tag.parentId);
    // A parent missing from the list (should not happen) makes its child a root, not lost.
    if (parent !== undefined && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TagNode[]): void => {
    list.sort((a, b) => a.tag.name.localeCompare(b.tag.name, undefined, { sensitivity: 'base' }));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a tag and every tag under it (a tag cannot move into its own branch). */
export function branchIds(tags: readonly Tag[], id: number): Set<number> {
  const branch = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const tag of tags) {
      if (!branch.has(tag.id) && branch.has(tag.parentId)) {
        branch.add(tag.id);
        grew = true;
      }
    }
  }
  return branch;
}
