// Licences that have ended or end within their warning window, with how many assets they
// cover and how many of their files are still in packs (where used).
import { useCallback } from 'react';
import { useServices } from '../../app-context';
import { ReadGate } from './ReadGate';
import { useRead } from './use-read';

export function NoticesSection({ generation }: { generation: number }) {
  const { client } = useServices();
  const read = useRead(
    useCallback(() => client.call('rights.notices', {}), [client]),
    'the licence notices',
    generation,
  );
  return (
    <section className="rights-section" aria-labelledby="rights-notices-title">
      <h2 id="rights-notices-title">Ended or ending soon</h2>
      <ReadGate read={read} what="the licence notices">
        {(notices) =>
          notices.length === 0 ? (
            <p className="dim">No licence has expired or ends soon.</p>
          ) : (
            <table className="rights-table rights-notices">
              <thead>
                <tr>
                  <th>Licence</th>
                  <th>Ends on</th>
                  <th>Assets</th>
                  <th>Live pack files</th>
                </tr>
              </thead>
              <tbody>
                {notices.map((n) => (
                  <tr key={n.licenceId} data-testid="rights-notice" data-status={n.status}>
                    <td>
                      {n.name}
                      {n.licensor !== null && <span className="dim"> · {n.licensor}</span>}
                    </td>
                    <td>
                      {n.endsOn} {n.status === 'expired' ? '(expired)' : '(ends soon)'}
                    </td>
                    <td>{n.assets}</td>
                    <td>{n.packFiles}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ReadGate>
    </section>
  );
}
