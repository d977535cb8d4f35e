// The catalog folders, with asset and error counts, their state (offline, watched by
// polling) and their folder trees; choosing a catalog or a folder filters the grid.
import { useMemo } from 'react';
import type { Catalog } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { buildFolderTrees, folderKey, type FolderTreeNode } from '../../store/folder-tree';
import { useAssets, useCatalogs, useFolders } from '../../store-hooks';
import { IntakeRulesButton } from '../intake/IntakeRulesButton';
import { DisclosureToggle } from './DisclosureToggle';
import { FolderTree } from './FolderTree';

export function CatalogList() {
  const { stores } = useServices();
  const catalogs = useCatalogs((s) => s.catalogs);
  const current = useAssets((s) => s.view.catalogId);
  const folder = useAssets((s) => s.view.folder);
  const folders = useFolders((s) => s.folders);
  const trees = useMemo(() => buildFolderTrees(folders), [folders]);
  const totalAssets = catalogs.reduce((sum, c) => sum + c.assetCount, 0);

  return (
    <nav aria-label="Catalogs">
      <h2 className="sidebar-heading">Catalogs</h2>
      <ul className="catalog-list" data-testid="catalog-list">
        <li>
          <div className="catalog-row">
            <span className="disclosure-spacer" />
            <button
              type="button"
              className="catalog-item"
              aria-current={current === null ? 'true' : undefined}
              onClick={() => stores.assets.getState().setView({ catalogId: null })}
            >
              <span className="catalog-name">All media</span>
              <span className="catalog-count">{formatCount(totalAssets)}</span>
            </button>
          </div>
        </li>
        {catalogs.map((catalog) => (
          <CatalogEntry
            key={catalog.id}
            catalog={catalog}
            tree={trees.get(catalog.id)}
            current={current === catalog.id && folder === null}
          />
        ))}
      </ul>
    </nav>
  );
}

function CatalogEntry({
  catalog,
  tree,
  current,
}: {
  catalog: Catalog;
  tree: FolderTreeNode | undefined;
  current: boolean;
}) {
  const { stores } = useServices();
  const expanded = useFolders((s) => s.expanded.has(folderKey(catalog.id, '')));
  const hasFolders = tree !== undefined && tree.children.length > 0;
  return (
    <li>
      <div className="catalog-row">
        {hasFolders ? (
          <DisclosureToggle
            expanded={expanded}
            label={catalog.name}
            onToggle={() => stores.folders.getState().toggle(catalog.id, '')}
          />
        ) : (
          <span className="disclosure-spacer" />
        )}
        <button
          type="button"
          className="catalog-item"
          data-catalog-id={catalog.id}
          aria-current={current ? 'true' : undefined}
          title={catalog.path}
          onClick={() => stores.assets.getState().setView({ catalogId: catalog.id, folder: null })}
        >
          <span className="catalog-name">{catalog.name}</span>
          {catalog.errorCount > 0 && (
            <span className="catalog-errors" title={unreadable(catalog.errorCount)}>
              <span aria-hidden="true">!</span> {formatCount(catalog.errorCount)}
              <span className="visually-hidden"> unreadable</span>
            </span>
          )}
          <span className="catalog-count">{formatCount(catalog.assetCount)}</span>
        </button>
        <IntakeRulesButton catalog={catalog} />
      </div>
      <CatalogStatus catalog={catalog} />
      {hasFolders && expanded && <FolderTree root={tree} />}
    </li>
  );
}

/** What the user must know about how (or whether) the folder is being followed. */
function CatalogStatus({ catalog }: { catalog: Catalog }) {
  const polling = catalog.watch === 'polling';
  if (catalog.online && !polling) return null;
  return (
    <div className="catalog-status">
      {!catalog.online && (
        <span
          className="catalog-badge is-offline"
          data-testid="catalog-offline"
          title={`${catalog.path} cannot be reached (an unplugged drive?). Its files are kept and shown as offline until it returns.`}
        >
          Offline
        </span>
      )}
      {polling && (
        <span
          className="catalog-badge is-polling"
          data-testid="catalog-watch-polling"
          title="The system's limit on watched folders was reached, so Packshot checks this folder for changes every few seconds instead. Changes show up a little later."
        >
          Watching by polling: OS watch limit reached
        </span>
      )}
    </div>
  );
}

function unreadable(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'file' : 'files'} could not be read`;
}
