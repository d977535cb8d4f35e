// Above the grid: what is shown, how many, and in which order.
import type { AssetSort } from '../../../shared/dto';
import { useServices } from '../app-context';
import { formatCount } from '../format/count';
import { useAssets, useCatalogs } from '../store-hooks';

const SORTS: ReadonlyArray<{ value: AssetSort; label: string }> = [
  { value: 'name', label: 'Name' },
  { value: 'size', label: 'File size' },
  { value: 'added', label: 'Date added' },
];

function isSort(value: string): value is AssetSort {
  return SORTS.some((s) => s.value === value);
}

export function GridToolbar() {
  const { stores } = useServices();
  const view = useAssets((s) => s.view);
  const total = useAssets((s) => s.total);
  const catalogs = useCatalogs((s) => s.catalogs);
  const title =
    view.catalogId === null
      ? 'All media'
      : (catalogs.find((c) => c.id === view.catalogId)?.name ?? 'Catalog');

  return (
    <header className="grid-toolbar">
      <h2 className="grid-title">{title}</h2>
      <span className="grid-count" data-testid="grid-count">
        {total === null ? '' : `${formatCount(total)} ${total === 1 ? 'item' : 'items'}`}
      </span>
      <label className="grid-sort">
        <span>Sort by</span>
        <select
          value={view.sort}
          onChange={(e) => {
            if (isSort(e.target.value)) stores.assets.getState().setView({ sort: e.target.value });
          }}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
