// Try the draft rules on a file name before saving them: the tags and fields it would get,
// and whether it breaks the naming convention.
import { useState } from 'react';
import type { IntakeRules } from '../../../../shared/intake-dto';
import { useIntakePreview } from './use-intake-preview';

export function IntakeTestField({ catalogId, rules }: { catalogId: number; rules: IntakeRules }) {
  const [sample, setSample] = useState('Shoes/Sneakers/ABC-123_01.jpg');
  const [camera, setCamera] = useState('');
  const { result, error } = useIntakePreview(catalogId, rules, sample, camera);
  const fields = result ? Object.entries(result.fields) : [];
  return (
    <fieldset className="intake-test" data-testid="intake-test">
      <legend>Try it</legend>
      <label>
        File (path inside the catalog)
        <input
          type="text"
          value={sample}
          spellCheck={false}
          onChange={(e) => setSample(e.target.value)}
        />
      </label>
      <label>
        Camera (optional)
        <input type="text" value={camera} onChange={(e) => setCamera(e.target.value)} />
      </label>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="intake-test-error">
          {error}
        </p>
      )}
      {result !== null && (
        <div className="intake-test-result" aria-live="polite">
          <ul className="intake-tags" data-testid="intake-test-tags" aria-label="Tags it would get">
            {result.tags.length === 0 && <li className="dim">No tags</li>}
            {result.tags.map((tag) => (
              <li key={tag} className="cell-tag">
                {tag}
              </li>
            ))}
          </ul>
          {fields.length > 0 && (
            <p data-testid="intake-test-fields">
              {fields.map(([name, value]) => `${name}: ${String(value)}`).join(' · ')}
            </p>
          )}
          <p
            data-testid="intake-test-naming"
            className={result.violation ? 'intake-violation' : 'dim'}
          >
            {result.violation ?? 'The name follows the naming convention.'}
          </p>
        </div>
      )}
    </fieldset>
  );
}
