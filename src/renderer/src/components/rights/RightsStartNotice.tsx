// When the app starts with licences expired or ending soon: one dismissable line linking
// to the Rights view. Asked once per start; the Rights view itself shows the current list.
import { useEffect, useState } from 'react';
import { useServices } from '../../app-context';
import { noticeLine } from './notice-line';

export function RightsStartNotice() {
  const { client, stores } = useServices();
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.call('rights.notices', {}).then(
      (notices) => live && setLine(noticeLine(notices)),
      (e: unknown) => stores.notices.getState().report('Could not read licence notices', e),
    );
    return () => {
      live = false;
    };
  }, [client, stores]);
  if (line === null) return null;
  return (
    <div className="rights-start-notice" role="status" data-testid="rights-start-notice">
      <span>{line} — </span>
      <button
        type="button"
        className="link"
        onClick={() => {
          stores.nav.getState().show('rights');
          setLine(null);
        }}
      >
        see Rights
      </button>
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss"
        onClick={() => setLine(null)}
      >
        ×
      </button>
    </div>
  );
}
