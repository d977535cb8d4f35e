// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildFolderTrees, type FolderTreeNode } from './folder-tree';

/** The tree as "path(count)" lines, indented by depth. */
function outline(node: FolderTreeNode | undefined, depth = 0): string[] {
  if (node === undefined) return [];
  const line = `${'  '.repeat(depth)}${node.path === '' ? '<root>' : node.name}(${node.count})`;
  return [line, ...node.children.flatMap((c) => outline(c, depth + 1))];
}

describe('buildFolderTrees', () => {
  it('nests folders per catalog, sorted by name the way people count', () => {
    const trees = buildFolderTrees([
      { catalogId: 1, path: '', count: 10 },
      { catalogId: 1, path: 'shoot 10', count: 2 },
      { catalogId: 1, path: 'shoot 2', count: 5 },
      { catalogId: 1, path: 'shoot 2/raw', count: 3 },
      { catalogId: 2, path: '', count: 4 },
      { catalogId: 2, path: 'b', count: 4 },
    ]);
    expect(outline(trees.get(1))).toEqual([
      '<root>(10)',
      '  shoot 2(5)',
      '    raw(3)',
      '  shoot 10(2)',
    ]);
    expect(outline(trees.get(2))).toEqual(['<root>(4)', '  b(4)']);
  });

  it('makes up ancestors the engine left out, counting what is below them', () => {
    const trees = buildFolderTrees([
      { catalogId: 3, path: 'a/b/c', count: 2 },
      { catalogId: 3, path: 'a/d', count: 1 },
    ]);
    expect(outline(trees.get(3))).toEqual([
      '<root>(3)',
      '  a(3)',
      '    b(2)',
      '      c(2)',
      '    d(1)',
    ]);
  });

  it('keeps unicode and odd names whole', () => {
    const trees = buildFolderTrees([{ catalogId: 1, path: 'été 📷/new\nline', count: 1 }]);
    const leaf = trees.get(1)?.children[0]?.children[0];
    expect(leaf).toMatchObject({ name: 'new\nline', path: 'été 📷/new\nline', count: 1 });
  });
});

describe('ancestorsOf', () => {
  it('lists the folders to open to reach one', () => {
    expect(ancestorsOf('a/b/c')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('a')).toEqual([]);
    expect(ancestorsOf('')).toEqual([]);
  });
});
