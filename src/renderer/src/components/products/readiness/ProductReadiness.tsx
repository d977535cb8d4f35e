// How ready one product is on each of its channels: a score and what is missing.
import { useEffect, useState } from 'react';
import type { ProductDetail, Readiness } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';

export function ProductReadiness({ detail }: { detail: ProductDetail }) {
  const { client, stores } = useServices();
  const [readiness, setReadiness] = useState<Readiness[] | null>(null);

  // Links and facts change readiness: asked again whenever a new detail arrives.
  useEffect(() => {
    let current = true;
    client.call('products.readiness', { id: detail.id }).then(
      (answer) => {
        if (current) setReadiness(answer);
      },
      (cause: unknown) => {
        if (current) stores.notices.getState().report('Could not check readiness', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [client, stores, detail]);

  if (readiness === null || readiness.length === 0) return null;
  return (
    <section className="product-readiness" aria-label="Readiness" data-testid="product-readiness">
      {readiness.map((r) => (
        <div key={r.channel} className="readiness-channel" data-channel={r.channel}>
          <span className="readiness-name">{r.channel}</span>
          <meter min={0} max={100} low={60} high={99} optimum={100} value={r.score} />
          <span className="readiness-score">{r.score}%</span>
          {r.reasons.length > 0 && (
            <ul className="readiness-reasons">
              {r.reasons.map((reason) => (
                <li key={reason.code}>{reason.message}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
