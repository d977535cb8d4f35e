// The catalog folders, with asset and error counts; choosing one filters the grid.
import { useServices } from '../app-context';
import { formatCount } from '../format/count';
import { useAssets, useCatalogs } from '../store-hooks';

export function CatalogList() {
  const { stores } = useServices();
  const catalogs = useCatalogs((s) => s.catalogs);
  const current = useAssets((s) => s.view.catalogId);
  const show = (catalogId: number | null): void => stores.assets.getState().setView({ catalogId });
  const totalAssets = catalogs.reduce((sum, c) => sum + c.assetCount, 0);

  return (
    <nav aria-label="Catalogs">
      <h2 className="sidebar-heading">Catalogs</h2>
      <ul className="catalog-list" data-testid="catalog-list">
        <li>
          <button
            type="button"
            className="catalog-item"
            aria-current={current === null ? 'true' : undefined}
            onClick={() => show(null)}
          >
            <span className="catalog-name">All media</span>
            <span className="catalog-count">{formatCount(totalAssets)}</span>
          </button>
        </li>
        {catalogs.map((catalog) => (
          <li key={catalog.id}>
            <button
              type="button"
              className="catalog-item"
              data-catalog-id={catalog.id}
              aria-current={current === catalog.id ? 'true' : undefined}
              title={catalog.path}
              onClick={() => show(catalog.id)}
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
          </li>
        ))}
      </ul>
    </nav>
  );
}

function unreadable(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'file' : 'files'} could not be read`;
}
