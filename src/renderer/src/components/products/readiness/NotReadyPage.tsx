// What keeps products off a channel: blockers ranked by how many products they hold back
// (click one to see those products), and every product not ready with its score and reasons.
import { useEffect, useId, useMemo, useState } from 'react';
import type { NotReadyReport, Readiness } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';
import { formatCount } from '../../../format/count';
import { useProducts } from '../../../store-hooks';

export function NotReadyPage() {
  const { client, stores } = useServices();
  const id = useId();
  const [channel, setChannel] = useState('');
  // Kept with the channel it answers, so a change of channel shows "Checking…" at once.
  const [answer, setAnswer] = useState<{ channel: string; report: NotReadyReport } | null>(null);
  const report = answer?.channel === channel ? answer.report : null;
  const items = useProducts((s) => s.items);
  const channels = useMemo(() => [...new Set(items.flatMap((p) => p.channels))].sort(), [items]);

  useEffect(() => {
    let current = true;
    client.call('products.notReady', channel === '' ? {} : { channel }).then(
      (notReady) => {
        if (current) setAnswer({ channel, report: notReady });
      },
      (cause: unknown) => {
        if (current) stores.notices.getState().report('Could not check readiness', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [client, stores, channel]);

  const showBlocked = (code: string, message: string): void => {
    if (report === null) return;
    const ids = new Set(
      report.items.filter((r) => r.reasons.some((x) => x.code === code)).map((r) => r.productId),
    );
    const products = stores.products.getState();
    products.setFocus({ label: `${message} (${formatCount(ids.size)})`, ids });
    stores.nav.getState().showProducts('catalog');
  };
  const open = (r: Readiness): void => {
    stores.products.getState().select(r.productId);
    stores.nav.getState().showProducts('catalog');
  };

  return (
    <div className="not-ready-page" data-testid="not-ready-page">
      <div className="form-field is-inline">
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select
          id={`${id}-channel`}
          data-testid="not-ready-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
        >
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      {report === null ? (
        <p className="dim">Checking…</p>
      ) : report.items.length === 0 ? (
        <p data-testid="not-ready-none">
          Every product is ready{channel !== '' ? ` for ${channel}` : ''}.
        </p>
      ) : (
        <>
          <section aria-labelledby={`${id}-blockers`}>
            <h2 id={`${id}-blockers`}>What blocks the most</h2>
            <ol className="blockers">
              {report.blockers.map((b) => (
                <li key={b.code}>
                  <button
                    type="button"
                    className="blocker"
                    data-testid="blocker"
                    data-code={b.code}
                    onClick={() => showBlocked(b.code, b.message)}
                  >
                    <span>{b.message}</span>
                    <span className="blocker-count">{formatCount(b.products)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby={`${id}-items`}>
            <h2 id={`${id}-items`}>Not ready ({formatCount(report.items.length)})</h2>
            <table className="not-ready-table">
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col">Name</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Score</th>
                  <th scope="col">Missing</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((r) => (
                  <tr key={`${r.productId}-${r.channel}`} data-testid="not-ready-row">
                    <td>
                      <button type="button" className="link-button" onClick={() => open(r)}>
                        {r.sku}
                      </button>
                    </td>
                    <td>{r.name}</td>
                    <td>{r.channel}</td>
                    <td>{r.score}%</td>
                    <td>{r.reasons.map((x) => x.message).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
