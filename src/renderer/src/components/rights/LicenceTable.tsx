// Every licence: name, licensor, type, end date with its state, assets covered and files of
// theirs still in packs. Choosing one shows its terms and where it is used.
import type { LicenceSummary } from '../../../../shared/methods/licences-methods';
import { LICENCE_TYPE_LABELS } from './LicenceTermsFields';

const STATE_LABEL: Record<LicenceSummary['status'], string> = {
  active: '',
  expiring: 'ends soon',
  expired: 'expired',
  'not-started': 'not started',
};

export function endsLabel(l: LicenceSummary): string {
  const state = STATE_LABEL[l.status];
  const ends = l.endsOn ?? 'never';
  return state === '' ? ends : `${ends} (${state})`;
}

interface Props {
  licences: readonly LicenceSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function LicenceTable({ licences, selectedId, onSelect }: Props) {
  if (licences.length === 0) return <p className="dim">No licences yet.</p>;
  return (
    <table className="rights-table" aria-label="Licences" data-testid="licence-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Licensor</th>
          <th>Type</th>
          <th>Ends on</th>
          <th>Assets</th>
          <th>Live pack files</th>
        </tr>
      </thead>
      <tbody>
        {licences.map((l) => (
          <tr
            key={l.id}
            data-testid="licence-row"
            data-status={l.status}
            className={l.id === selectedId ? 'selected' : undefined}
          >
            <td>
              <button
                type="button"
                className="link"
                aria-pressed={l.id === selectedId}
                data-testid="licence-select"
                onClick={() => onSelect(l.id)}
              >
                {l.name}
              </button>
            </td>
            <td>{l.licensor ?? '—'}</td>
            <td>
              {LICENCE_TYPE_LABELS[l.type]}
              {l.ccVariant !== null && ` (${l.ccVariant})`}
            </td>
            <td className={`licence-ends ${l.status}`}>{endsLabel(l)}</td>
            <td>{l.assets}</td>
            <td>{l.packFiles}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
