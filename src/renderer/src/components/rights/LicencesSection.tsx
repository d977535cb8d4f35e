// Every licence, the chosen one's terms and where it is used, and the form that creates or
// edits one. Edits here make the whole page read again (onChanged).
import { useCallback, useState } from 'react';
import { useServices } from '../../app-context';
import { LicenceDetail } from './LicenceDetail';
import { LicenceForm } from './LicenceForm';
import { LicenceTable } from './LicenceTable';
import { ReadGate } from './ReadGate';
import { useRead } from './use-read';

interface Props {
  generation: number;
  onChanged: () => void;
}

export function LicencesSection({ generation, onChanged }: Props) {
  const { client } = useServices();
  const read = useRead(
    useCallback(() => client.call('licences.list', {}), [client]),
    'the licences',
    generation,
  );
  const [selectedId, setSelectedId] = useState<number | null>(null);
  /** 'new', the id of the licence being edited, or null: no form open. */
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const saved = (id: number): void => {
    setEditing(null);
    setSelectedId(id);
    onChanged();
  };
  return (
    <section className="rights-section" aria-labelledby="rights-licences-title">
      <div className="rights-section-head">
        <h2 id="rights-licences-title">Licences</h2>
        <button type="button" data-testid="licence-new" onClick={() => setEditing('new')}>
          New licence
        </button>
      </div>
      <ReadGate read={read} what="the licences">
        {(licences) => {
          const selected = licences.find((l) => l.id === selectedId) ?? null;
          const edited = licences.find((l) => l.id === editing) ?? null;
          return (
            <div className="rights-master-detail">
              <LicenceTable
                licences={licences}
                selectedId={selected?.id ?? null}
                onSelect={(id) => {
                  setSelectedId(id);
                  setEditing(null);
                }}
              />
              {editing !== null && (editing === 'new' || edited !== null) ? (
                <LicenceForm
                  key={editing}
                  licence={edited}
                  onSaved={saved}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                selected !== null && (
                  <LicenceDetail
                    licence={selected}
                    generation={generation}
                    onEdit={() => setEditing(selected.id)}
                    onDeleted={() => {
                      setSelectedId(null);
                      onChanged();
                    }}
                  />
                )
              )}
            </div>
          );
        }}
      </ReadGate>
    </section>
  );
}
