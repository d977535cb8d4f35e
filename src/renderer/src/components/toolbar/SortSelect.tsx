// The order of the grid: name, capture date, date added or file size.
import type { AssetSort } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { useAssets } from '../../store-hooks';

const SORTS: ReadonlyArray<{ value: AssetSort; label: string }> = [
  { value: 'name', label: 'Name' },
  { value: 'captured', label: 'Capture date' },
  { value: 'added', label: 'Date added' },
  { value: 'size', label: 'File size' },
];

function isSort(value: string): value is AssetSort {
  return SORTS.some((s) => s.value === value);
}

export function SortSelect() {
  const { stores } = useServices();
  const sort = useAssets((s) => s.view.sort);
  return (
    <label className="toolbar-field">
      <span>Sort by</span>
      <select
        data-testid="sort-select"
        value={sort}
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
  );
}
