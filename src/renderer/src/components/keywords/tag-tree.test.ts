import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/dto';
import { branchIds, buildTagTree, type TagNode } from './tag-tree';
import { tagQuery } from './tag-query';

const tag = (id: number, parentId: number, path: string, count: number): Tag => ({
  id,
  parentId,
  name: path.split('|').pop() ?? path,
  path,
  count,
});

const TAGS = [
  tag(3, 2, 'Product|Shoes|Sneakers', 5),
  tag(1, 0, 'Product', 1),
  tag(2, 1, 'Product|Shoes', 2),
  tag(4, 1, 'Product|Bags', 0),
  tag(5, 0, 'Archive', 3),
];

const shape = (nodes: TagNode[]): unknown =>
  nodes.map((n) => [n.tag.name, n.tag.count, ...(n.children.length ? [shape(n.children)] : [])]);

describe('buildTagTree', () => {
  it('nests flat tags by parent id, sorted by name at every level', () => {
    expect(shape(buildTagTree(TAGS))).toEqual([
      ['Archive', 3],
      [
        'Product',
        1,
        [
          ['Bags', 0],
          ['Shoes', 2, [['Sneakers', 5]]],
        ],
      ],
    ]);
  });

  it('keeps a tag whose parent is unknown, at the top', () => {
    expect(shape(buildTagTree([tag(9, 42, 'Lost|Child', 1)]))).toEqual([['Child', 1]]);
  });
});

describe('branchIds', () => {
  it('is a tag and everything under it', () => {
    expect([...branchIds(TAGS, 1)].sort()).toEqual([1, 2, 3, 4]);
    expect([...branchIds(TAGS, 2)].sort()).toEqual([2, 3]);
  });
});

describe('tagQuery', () => {
  it('quotes the path for the search language', () => {
    expect(tagQuery('Product|Shoes Sneakers')).toBe('tag:"Product|Shoes Sneakers"');
  });
});
