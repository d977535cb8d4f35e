// Filename rules: the saved rules (edit, delete), a new one, and a dry run that shows what
// they would link before Apply links it as one undoable step.
import { useCallback, useEffect, useState } from 'react';
import type { LinkRule, RulePlan } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';
import { formatCount } from '../../../format/count';
import { RuleForm } from './RuleForm';
import { RulePlanView } from './RulePlanView';

export function RulesPage() {
  const { client, stores } = useServices();
  const [rules, setRules] = useState<LinkRule[] | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [plan, setPlan] = useState<RulePlan | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped after a change, to read the list again. */
  const [version, setVersion] = useState(0);

  const report = useCallback(
    (title: string, cause: unknown) => stores.notices.getState().report(title, cause),
    [stores],
  );
  useEffect(() => {
    let current = true;
    client.call('rules.list', {}).then(
      (list) => {
        if (current) setRules(list);
      },
      (cause: unknown) => {
        if (current) report('Could not load the rules', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [client, report, version]);

  const changed = () => {
    setEditing(null);
    // A plan made with other rules would mislead.
    setPlan(null);
    setVersion((v) => v + 1);
  };
  const remove = async (rule: LinkRule): Promise<void> => {
    try {
      await client.call('rules.delete', { id: rule.id });
    } catch (cause) {
      report('Could not delete the rule', cause);
    }
    changed();
  };
  const dryRun = async (): Promise<void> => {
    setBusy(true);
    setApplied(null);
    try {
      setPlan(await client.call('rules.dryRun', {}));
    } catch (cause) {
      report('Could not run the rules', cause);
    } finally {
      setBusy(false);
    }
  };
  const apply = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await client.call('rules.apply', {});
      setApplied(result.links.length);
      setPlan(null);
      void stores.products.getState().refresh();
    } catch (cause) {
      report('Could not apply the rules', cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rules-page" data-testid="rules-page">
      <section className="rules-list" aria-label="Filename rules">
        <h2>Filename rules</h2>
        <p className="dim">
          A regular expression over file names, with named groups: <code>sku</code>, and optionally{' '}
          <code>role</code> and <code>position</code>.
        </p>
        <ul>
          {(rules ?? []).map((rule) =>
            editing === rule.id ? (
              <li key={rule.id}>
                <RuleForm rule={rule} onSaved={changed} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={rule.id} className="rule-row" data-testid="rule-row">
                <span className="rule-name">{rule.name}</span>
                <code className="rule-pattern">{rule.pattern}</code>
                {rule.auto && <span className="catalog-badge">auto</span>}
                <button type="button" onClick={() => setEditing(rule.id)}>
                  Edit
                </button>
                <button type="button" className="danger" onClick={() => void remove(rule)}>
                  Delete
                </button>
              </li>
            ),
          )}
        </ul>
        {rules !== null && rules.length === 0 && <p className="dim">No rules yet.</p>}
        <RuleForm onSaved={changed} />
      </section>
      <section className="rules-run" aria-label="Run the rules">
        <div className="form-actions">
          <button
            type="button"
            data-testid="rules-dry-run"
            disabled={busy}
            onClick={() => void dryRun()}
          >
            Dry run
          </button>
          <button
            type="button"
            className="primary"
            data-testid="rules-apply"
            disabled={busy || plan === null || plan.links.length === 0}
            onClick={() => void apply()}
          >
            Apply
          </button>
        </div>
        {applied !== null && (
          <p role="status" data-testid="rules-applied">
            Linked {formatCount(applied)} {applied === 1 ? 'file' : 'files'} (one undoable step).
          </p>
        )}
        {plan !== null && <RulePlanView plan={plan} />}
      </section>
    </div>
  );
}
