// The filename rules: regular expressions whose named groups become tags (sku → SKU|…,
// any other name N → N|…) or fields (title, description, rating, label).
import type { DraftFilenameRule } from './intake-draft';

interface Props {
  rules: DraftFilenameRule[];
  onChange: (rules: DraftFilenameRule[]) => void;
}

export function FilenameRulesEditor({ rules, onChange }: Props) {
  const update = (index: number, change: Partial<DraftFilenameRule>): void =>
    onChange(rules.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <fieldset className="intake-filename">
      <legend>File names</legend>
      <p className="dim">
        Tried on the name without its extension. Named groups become tags:{' '}
        <code>(?&lt;sku&gt;[A-Z]+-\d+)</code> gives <code>SKU|ABC-123</code>; groups named title,
        description, rating or label set those fields.
      </p>
      <ol className="intake-rule-list">
        {rules.map((rule, index) => (
          <li key={index} className="intake-rule" data-testid="intake-filename-rule">
            <input
              type="text"
              aria-label={`Pattern ${index + 1}`}
              className="mono"
              spellCheck={false}
              value={rule.pattern}
              placeholder="^(?<sku>[A-Z]+-\d+)_(?<shot>\d+)"
              onChange={(e) => update(index, { pattern: e.target.value })}
            />
            <label className="inline">
              <input
                type="checkbox"
                checked={rule.ignoreCase}
                onChange={(e) => update(index, { ignoreCase: e.target.checked })}
              />
              Aa
            </label>
            <input
              type="text"
              aria-label={`Extra tags for pattern ${index + 1}`}
              value={rule.tags}
              placeholder="extra tags, comma-separated"
              onChange={(e) => update(index, { tags: e.target.value })}
            />
            <button
              type="button"
              aria-label={`Remove pattern ${index + 1}`}
              onClick={() => onChange(rules.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => onChange([...rules, { pattern: '', ignoreCase: false, tags: '' }])}
      >
        Add a pattern
      </button>
    </fieldset>
  );
}
