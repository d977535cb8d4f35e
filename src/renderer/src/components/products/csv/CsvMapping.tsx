// The mapping step: a column per product field (SKU required), and which of the remaining
// columns to keep as attributes.
import { useId } from 'react';
import {
  attributeCandidates,
  MAPPED_FIELDS,
  setField,
  toggleAttribute,
  type MappingState,
} from './column-map';

interface CsvMappingProps {
  headers: readonly string[];
  state: MappingState;
  onChange: (state: MappingState) => void;
}

export function CsvMapping({ headers, state, onChange }: CsvMappingProps) {
  const id = useId();
  const candidates = attributeCandidates(headers, state);
  return (
    <fieldset className="csv-mapping">
      <legend>Columns</legend>
      {MAPPED_FIELDS.map(({ key, label }) => (
        <div key={key} className="form-field is-inline">
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <select
            id={`${id}-${key}`}
            data-testid={`csv-map-${key}`}
            value={state.fields[key]}
            required={key === 'sku'}
            onChange={(e) => onChange(setField(state, key, e.target.value))}
          >
            <option value="">{key === 'sku' ? 'Choose a column' : '(none)'}</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
      ))}
      {candidates.length > 0 && (
        <fieldset className="csv-attributes">
          <legend>Keep as attributes</legend>
          {candidates.map((h) => (
            <label key={h} className="checkbox-row">
              <input
                type="checkbox"
                data-testid="csv-attribute"
                value={h}
                checked={state.attributes.includes(h)}
                onChange={() => onChange(toggleAttribute(state, h))}
              />
              {h}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
