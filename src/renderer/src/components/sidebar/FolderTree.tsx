// The folders inside one catalog, nested, with how many assets each holds (subfolders
// included). Only open branches are rendered, so a catalog of thousands of folders costs
// what is visible.
import type { CSSProperties } from 'react';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { folderKey, type FolderTreeNode } from '../../store/folder-tree';
import { useAssets, useFolders } from '../../store-hooks';
import { DisclosureToggle } from './DisclosureToggle';

/** Indentation per level, in px. */
const INDENT = 14;

export function FolderTree({ root }: { root: FolderTreeNode }) {
  return (
    <ul
      className="folder-tree"
      data-testid="folder-tree"
      data-catalog-id={root.catalogId}
      aria-label="Folders"
    >
      {root.children.map((child) => (
        <FolderRow key={child.path} node={child} depth={1} />
      ))}
    </ul>
  );
}

function FolderRow({ node, depth }: { node: FolderTreeNode; depth: number }) {
  const { stores } = useServices();
  const expanded = useFolders((s) => s.expanded.has(folderKey(node.catalogId, node.path)));
  const current = useAssets(
    (s) => s.view.catalogId === node.catalogId && s.view.folder === node.path,
  );
  const hasChildren = node.children.length > 0;
  const indent: CSSProperties = { paddingLeft: (depth - 1) * INDENT };
  return (
    <li>
      <div className="folder-row" style={indent}>
        {hasChildren ? (
          <DisclosureToggle
            expanded={expanded}
            label={node.name}
            onToggle={() => stores.folders.getState().toggle(node.catalogId, node.path)}
          />
        ) : (
          <span className="disclosure-spacer" />
        )}
        <button
          type="button"
          className="folder-item"
          data-testid="folder-node"
          data-path={node.path}
          data-catalog-id={node.catalogId}
          aria-current={current ? 'true' : undefined}
          title={node.path}
          onClick={() =>
            stores.assets.getState().setView({ catalogId: node.catalogId, folder: node.path })
          }
        >
          <span className="folder-name">{node.name}</span>
          <span className="catalog-count">{formatCount(node.count)}</span>
        </button>
      </div>
      {hasChildren && expanded && (
        <ul className="folder-tree">
          {node.children.map((child) => (
            <FolderRow key={child.path} node={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
