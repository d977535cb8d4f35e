// The licences an asset holds (detach one), attach an existing one from a picker, or make
// a new one with the few fields a quick entry needs; the Rights page edits the rest.
import { useState, type FormEvent } from 'react';
import type { LicenceSummary } from '../../../../../shared/methods/licences-methods';
import { LICENCE_TYPES, type Licence, type LicenceType } from '../../../../../shared/rights-dto';
import { useServices } from '../../../app-context';

export interface NewLicence {
  name: string;
  licensor: string | null;
  type: LicenceType;
  endsOn: string | null;
}

export function LicenceList({
  licences,
  onDetach,
}: {
  licences: readonly Licence[];
  onDetach: (id: number) => void;
}) {
  if (licences.length === 0)
    return (
      <p className="rights-empty" data-testid="rights-no-licence">
        No licence recorded.
      </p>
    );
  return (
    <ul className="rights-list" data-testid="rights-licences">
      {licences.map((l) => (
        <li key={l.id} data-testid="rights-licence" data-licence-id={l.id}>
          <span className="rights-item-name">{l.name}</span>
          <span className="rights-item-facts">
            {[l.licensor, l.type, l.endsOn !== null ? `ends ${l.endsOn}` : 'no end date']
              .filter((part) => part !== null)
              .join(' · ')}
          </span>
          <button
            type="button"
            className="link-button"
            aria-label={`Detach ${l.name}`}
            onClick={() => onDetach(l.id)}
          >
            Detach
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Attach licence…": pick one the library has, or make a new one. */
export function LicenceAttach({
  held,
  onAttach,
  onCreate,
}: {
  held: readonly Licence[];
  onAttach: (id: number) => Promise<void>;
  onCreate: (licence: NewLicence) => Promise<void>;
}) {
  const { client, stores } = useServices();
  const [all, setAll] = useState<LicenceSummary[] | null>(null);
  const [mode, setMode] = useState<'closed' | 'pick' | 'new'>('closed');
  const open = () => {
    setMode('pick');
    client.call('licences.list', {}).then(setAll, (cause: unknown) => {
      stores.notices.getState().report('Could not list the licences', cause);
    });
  };
  if (mode === 'closed')
    return (
      <button type="button" data-testid="rights-attach-open" onClick={open}>
        Attach licence…
      </button>
    );
  if (mode === 'new')
    return (
      <NewLicenceForm
        onCancel={() => setMode('closed')}
        onCreate={async (l) => {
          await onCreate(l);
          setMode('closed');
        }}
      />
    );
  const holds = new Set(held.map((l) => l.id));
  const choices = (all ?? []).filter((l) => !holds.has(l.id));
  return (
    <div className="rights-attach" data-testid="rights-attach">
      {all === null ? (
        <p className="rights-empty">Reading licences…</p>
      ) : choices.length === 0 ? (
        <p className="rights-empty">No other licence in this library yet.</p>
      ) : (
        <ul className="rights-list">
          {choices.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className="link-button"
                data-testid="rights-attach-choice"
                onClick={() => void onAttach(l.id).then(() => setMode('closed'))}
              >
                {l.name}
              </button>
              <span className="rights-item-facts">
                {l.status} · {l.assets} {l.assets === 1 ? 'asset' : 'assets'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="rights-actions">
        <button type="button" data-testid="rights-new-licence" onClick={() => setMode('new')}>
          New licence…
        </button>
        <button type="button" onClick={() => setMode('closed')}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function NewLicenceForm({
  onCreate,
  onCancel,
}: {
  onCreate: (licence: NewLicence) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [licensor, setLicensor] = useState('');
  const [type, setType] = useState<LicenceType>('royalty-free');
  const [endsOn, setEndsOn] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    const licence = {
      name: name.trim(),
      licensor: licensor.trim() === '' ? null : licensor.trim(),
      type,
      endsOn: endsOn === '' ? null : endsOn,
    };
    void onCreate(licence).finally(() => setBusy(false));
  };
  return (
    <form className="rights-form" data-testid="rights-licence-form" onSubmit={submit}>
      <label>
        Name
        <input value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Licensor
        <input value={licensor} onChange={(e) => setLicensor(e.target.value)} />
      </label>
      <label>
        Type
        <select value={type} onChange={(e) => setType(e.target.value as LicenceType)}>
          {LICENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Ends on
        <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
      </label>
      <div className="rights-actions">
        <button type="submit" disabled={busy || name.trim() === ''}>
          Create and attach
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
