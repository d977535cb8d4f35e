// The chosen licence: its terms at a glance, Edit and Delete, and where it is used.
import type { LicenceSummary } from '../../../../shared/methods/licences-methods';
import { useServices } from '../../app-context';
import { ConfirmButton } from '../ConfirmButton';
import { endsLabel } from './LicenceTable';
import { LICENCE_TYPE_LABELS } from './LicenceTermsFields';
import { WhereUsed } from './WhereUsed';

interface Props {
  licence: LicenceSummary;
  generation: number;
  onEdit: () => void;
  onDeleted: () => void;
}

const any = (list: readonly string[] | null): string =>
  list === null || list.length === 0 ? 'any' : list.join(', ');

function territories(l: LicenceSummary): string {
  if (l.territoriesMode === null) return 'anywhere';
  const codes = any(l.territories);
  return l.territoriesMode === 'include' ? `only ${codes}` : `everywhere except ${codes}`;
}

export function LicenceDetail({ licence: l, generation, onEdit, onDeleted }: Props) {
  const { client } = useServices();
  const terms: [string, string][] = [
    ['Licensor', [l.licensor, l.contact].filter((v) => v !== null).join(' · ') || '—'],
    ['Type', LICENCE_TYPE_LABELS[l.type] + (l.ccVariant === null ? '' : ` (${l.ccVariant})`)],
    ['Reference', l.reference ?? '—'],
    ['Contract', l.contractPath ?? '—'],
    ['Credit', `${l.creditLine ?? '—'}${l.creditRequired ? ' (required)' : ''}`],
    [
      'Runs',
      `${l.startsOn ?? 'from the start'} to ${endsLabel(l)}, warns ${l.warnDays} days before`,
    ],
    ['Territories', territories(l)],
    ['Channels', any(l.channels)],
    ['Media', any(l.media)],
    ['Modifications', l.modificationsAllowed ? 'allowed' : 'not allowed'],
  ];
  return (
    <section
      className="licence-detail"
      aria-label={`Licence ${l.name}`}
      data-testid="licence-detail"
    >
      <div className="licence-detail-head">
        <h3>{l.name}</h3>
        <button type="button" onClick={onEdit} data-testid="licence-edit">
          Edit
        </button>
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete licence ${l.name}`}
          question={`Delete “${l.name}”? ${l.assets} asset${l.assets === 1 ? '' : 's'} will no longer hold it.`}
          testId="licence-delete"
          onConfirm={async () => {
            const { deleted } = await client.call('licences.delete', { id: l.id });
            if (!deleted) throw new Error('The licence was already gone.');
            onDeleted();
          }}
        />
      </div>
      <dl className="licence-terms">
        {terms.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <WhereUsed key={l.id} licenceId={l.id} generation={generation} />
    </section>
  );
}
