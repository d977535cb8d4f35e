// Narrows the grid to the files that need attention: missing, unreadable, copies, offline,
// not linked to a product yet.
import type { AssetFilter } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { useAssets } from '../../store-hooks';

const FILTERS: ReadonlyArray<{ value: AssetFilter; label: string; hint: string }> = [
  { value: 'all', label: 'All', hint: 'Every file' },
  { value: 'missing', label: 'Missing', hint: 'Files gone from disk, kept with their metadata' },
  { value: 'errors', label: 'Errors', hint: 'Files that could not be read' },
  { value: 'duplicates', label: 'Duplicates', hint: 'Copies of a file found elsewhere' },
  { value: 'offline', label: 'Offline', hint: 'Files on a drive that cannot be reached' },
  { value: 'unlinked', label: 'Not linked', hint: 'Not linked to a product' },
];

export function StateFilter() {
  const { stores } = useServices();
  const filter = useAssets((s) => s.view.filter);
  return (
    <div className="segmented" role="group" aria-label="Show">
      {FILTERS.map((f) => (
        <button
          key={f.value}
          type="button"
          className="segment"
          data-testid={`filter-${f.value}`}
          aria-pressed={filter === f.value}
          title={f.hint}
          onClick={() => stores.assets.getState().setView({ filter: f.value })}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
