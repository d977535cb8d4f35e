// A rule run's plan: what would be linked (file → SKU, role, position), what conflicts,
// which names carry a SKU no product has, and how many names matched no rule.
import type { RuleMiss, RulePlan } from '../../../../../shared/product-dto';
import { formatCount } from '../../../format/count';
import { ROLE_LABELS } from '../board/role-labels';

export function RulePlanView({ plan }: { plan: RulePlan }) {
  return (
    <div className="rule-plan" data-testid="rule-plan">
      <section aria-labelledby="plan-links">
        <h3 id="plan-links">Would link ({formatCount(plan.links.length)})</h3>
        <ul data-testid="plan-links">
          {plan.links.map((l) => (
            <li key={`${l.assetId}-${l.productId}`}>
              <span className="mono">{l.relPath}</span> →{' '}
              <span className="product-sku">{l.sku}</span> {ROLE_LABELS[l.role]} {l.position + 1}{' '}
              <span className="dim">({l.rule})</span>
            </li>
          ))}
        </ul>
      </section>
      <MissList id="plan-conflicts" title="Conflicts" misses={plan.conflicts} />
      <MissList id="plan-unknown" title="Unknown SKU" misses={plan.unknownSku} />
      <p className="dim" data-testid="plan-unmatched">
        {formatCount(plan.unmatched)} {plan.unmatched === 1 ? 'file matches' : 'files match'} no
        rule
      </p>
    </div>
  );
}

function MissList({ id, title, misses }: { id: string; title: string; misses: RuleMiss[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {title} ({formatCount(misses.length)})
      </h3>
      <ul data-testid={id}>
        {misses.map((m) => (
          <li key={m.assetId}>
            <span className="mono">{m.relPath}</span>: {m.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
