// Adds a filename rule, or edits one: a name, a regular expression with named groups
// (sku, and optionally role and position), and whether it runs on files as they arrive.
import { useId, useState, type FormEvent } from 'react';
import type { LinkRule } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';

interface RuleFormProps {
  rule?: LinkRule;
  onSaved: () => void;
  onCancel?: () => void;
}

export function RuleForm({ rule, onSaved, onCancel }: RuleFormProps) {
  const { client } = useServices();
  const id = useId();
  const [name, setName] = useState(rule?.name ?? '');
  const [pattern, setPattern] = useState(rule?.pattern ?? '');
  const [auto, setAuto] = useState(rule?.auto ?? false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setError(null);
    try {
      await client.call('rules.save', {
        ...(rule !== undefined ? { id: rule.id } : {}),
        name: name.trim(),
        pattern,
        auto,
      });
      if (rule === undefined) {
        setName('');
        setPattern('');
        setAuto(false);
      }
      onSaved();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <form
      className="rule-form"
      aria-label={rule === undefined ? 'New rule' : `Edit rule ${rule.name}`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className="form-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          data-testid="rule-name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-pattern`}>Pattern</label>
        <input
          id={`${id}-pattern`}
          type="text"
          className="mono"
          data-testid="rule-pattern"
          required
          spellCheck={false}
          placeholder="^(?<sku>[A-Z]+-\d+)_(?<position>\d+)"
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
        />
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
        Link new files as they arrive
      </label>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" data-testid="rule-save">
          {rule === undefined ? 'Add rule' : 'Save'}
        </button>
      </div>
    </form>
  );
}
