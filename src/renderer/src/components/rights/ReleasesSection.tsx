// Releases (model, property, minor): the list, with the assets each covers, and the form
// to record, edit or delete one.
import { useCallback, useState } from 'react';
import { useServices } from '../../app-context';
import { ConfirmButton } from '../ConfirmButton';
import { ReadGate } from './ReadGate';
import { ReleaseForm } from './ReleaseForm';
import { useRead } from './use-read';

interface Props {
  generation: number;
  onChanged: () => void;
}

export function ReleasesSection({ generation, onChanged }: Props) {
  const { client } = useServices();
  const read = useRead(
    useCallback(() => client.call('releases.list', {}), [client]),
    'the releases',
    generation,
  );
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const done = (): void => {
    setEditing(null);
    onChanged();
  };
  return (
    <section className="rights-section" aria-labelledby="rights-releases-title">
      <div className="rights-section-head">
        <h2 id="rights-releases-title">Releases</h2>
        <button type="button" data-testid="release-new" onClick={() => setEditing('new')}>
          New release
        </button>
      </div>
      <ReadGate read={read} what="the releases">
        {(releases) => {
          const edited = releases.find((r) => r.id === editing) ?? null;
          return (
            <>
              {releases.length === 0 ? (
                <p className="dim">No releases yet.</p>
              ) : (
                <table className="rights-table" aria-label="Releases" data-testid="release-table">
                  <thead>
                    <tr>
                      <th>Kind</th>
                      <th>Who or what</th>
                      <th>Signed</th>
                      <th>Expires</th>
                      <th>Restrictions</th>
                      <th>Document</th>
                      <th>Assets</th>
                      <th>
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {releases.map((r) => (
                      <tr key={r.id} data-testid="release-row">
                        <td>{r.kind}</td>
                        <td>{r.subject ?? '—'}</td>
                        <td>{r.signedOn}</td>
                        <td>{r.expiresOn ?? 'never'}</td>
                        <td>{r.restrictions ?? '—'}</td>
                        <td className="path">{r.documentPath ?? '—'}</td>
                        <td>{r.assets}</td>
                        <td className="row-actions">
                          <button
                            type="button"
                            aria-label={`Edit release ${r.subject ?? r.id}`}
                            data-testid="release-edit"
                            onClick={() => setEditing(r.id)}
                          >
                            Edit
                          </button>
                          <ConfirmButton
                            label="Delete"
                            ariaLabel={`Delete release ${r.subject ?? r.id}`}
                            question="Delete this release?"
                            testId="release-delete"
                            onConfirm={async () => {
                              await client.call('releases.delete', { id: r.id });
                              onChanged();
                            }}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {editing !== null && (editing === 'new' || edited !== null) && (
                <ReleaseForm
                  key={editing}
                  release={edited}
                  onSaved={done}
                  onCancel={() => setEditing(null)}
                />
              )}
            </>
          );
        }}
      </ReadGate>
    </section>
  );
}
