// Who grants the licence, what kind it is, the credit it asks for and when it runs.
import { LICENCE_TYPES, type LicenceType } from '../../../../shared/rights-dto';
import { CheckField, SelectField, TextField } from '../export/form-fields';
import type { Issues, LicenceDraft } from './licence-draft';

export const LICENCE_TYPE_LABELS: Record<LicenceType, string> = {
  owned: 'Owned',
  'work-for-hire': 'Work for hire',
  'royalty-free': 'Royalty-free',
  'rights-managed': 'Rights-managed',
  editorial: 'Editorial only',
  'creative-commons': 'Creative Commons',
};

const typeOptions = LICENCE_TYPES.map((t) => ({ value: t, label: LICENCE_TYPE_LABELS[t] }));

interface Props {
  draft: LicenceDraft;
  issues: Issues;
  onChange: (next: LicenceDraft) => void;
}

type TextKey = {
  [K in keyof LicenceDraft]: string extends LicenceDraft[K] ? K : never;
}[keyof LicenceDraft];

export function LicenceTermsFields({ draft, issues, onChange }: Props) {
  const set = <K extends keyof LicenceDraft>(key: K, value: LicenceDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const text = (key: TextKey, label: string, hint?: string) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(v) => set(key, v)}
      error={issues.get(key)}
      testId={`licence-${key}`}
      {...(hint === undefined ? {} : { hint })}
    />
  );
  return (
    <>
      <fieldset className="form-section">
        <legend>Licence</legend>
        <div className="form-grid">
          {text('name', 'Name')}
          {text('licensor', 'Licensor')}
          {text('contact', 'Contact')}
          <SelectField
            label="Type"
            value={draft.type}
            options={typeOptions}
            onChange={(v) => set('type', v)}
            testId="licence-type"
          />
          {draft.type === 'creative-commons' &&
            text('ccVariant', 'Creative Commons variant', 'e.g. CC BY 4.0')}
          {text('reference', 'Reference')}
          {text('contractPath', 'Contract file', 'The path of the signed contract')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Credit</legend>
        <div className="form-grid">{text('creditLine', 'Credit line')}</div>
        <CheckField
          label="Credit required"
          checked={draft.creditRequired}
          onChange={(v) => set('creditRequired', v)}
          testId="licence-creditRequired"
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Dates</legend>
        <div className="form-grid">
          {text('startsOn', 'Starts on', 'YYYY-MM-DD; empty: at once')}
          {text('endsOn', 'Ends on', 'YYYY-MM-DD; empty: never')}
          {text('warnDays', 'Warn days before the end')}
        </div>
      </fieldset>
    </>
  );
}
