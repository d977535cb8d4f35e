// The Rights view: licences that have ended or end within their warning window, with how
// many assets they cover and how many of their files are still in packs (where used).
import { useEffect, useState } from 'react';
import type { RightsNotice } from '../../../../shared/rights-dto';
import { useServices } from '../../app-context';

export function RightsView() {
  const { client, stores } = useServices();
  const [notices, setNotices] = useState<readonly RightsNotice[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const load = (): void =>
      void client.call('rights.notices', {}).then(
        (list) => {
          if (!live) return;
          setFailed(false);
          setNotices(list);
        },
        (e: unknown) => {
          if (live) setFailed(true);
          stores.notices.getState().report('Could not read licence notices', e);
        },
      );
    load();
    // The daily job found a licence newly expired or ending: show it.
    const off = client.on('rights.changed', load);
    return () => {
      live = false;
      off();
    };
  }, [client, stores, attempt]);
  // A failed read says so and offers another try, rather than "Loading…" for good.
  if (failed && notices === null)
    return (
      <div className="screen-message">
        Could not read the licence notices.{' '}
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  if (notices === null) return <div className="screen-message">Loading…</div>;
  if (notices.length === 0)
    return <div className="screen-message">No licence has expired or ends soon.</div>;
  return (
    <section className="rights-view" aria-label="Rights">
      <table className="rights-notices">
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
    </section>
  );
}
