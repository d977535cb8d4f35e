// Creates or edits a licence: every term the engine keeps. Checked with the contract's own
// schema before it is sent; when the engine refuses anyway, its reason shows on the form.
// `submit` lets another view reuse the form (e.g. a quick create that also attaches).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Licence } from '../../../../shared/rights-dto';
import { useServices } from '../../app-context';
import { EngineError } from '../export/EngineError';
import { LicenceScopeFields } from './LicenceScopeFields';
import { LicenceTermsFields } from './LicenceTermsFields';
import {
  checkDraft,
  draftOf,
  EMPTY_DRAFT,
  type Issues,
  type LicenceArgs,
  type LicenceDraft,
} from './licence-draft';

export interface LicenceFormProps {
  /** The licence to edit; none: a new one. */
  licence?: Licence | null;
  /** Sends the checked args, answers the licence's id. Default: licences.create / update. */
  submit?: (args: LicenceArgs) => Promise<number>;
  onSaved: (id: number) => void;
  onCancel?: () => void;
}

const NO_ISSUES: Issues = new Map();

export function LicenceForm({ licence, submit, onSaved, onCancel }: LicenceFormProps) {
  const { client } = useServices();
  const [draft, setDraft] = useState<LicenceDraft>(() =>
    licence ? draftOf(licence) : EMPTY_DRAFT,
  );
  const [issues, setIssues] = useState<Issues>(NO_ISSUES);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // An opened form takes the focus (and so comes into view): the user came to type in it.
  useEffect(() => formRef.current?.querySelector('input')?.focus(), []);
  // A refused save leads to the first field to fix.
  useEffect(() => {
    if (issues.size > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);
  const editing = licence !== undefined && licence !== null;

  const send = async (args: LicenceArgs): Promise<number> => {
    if (submit) return submit(args);
    if (editing) return (await client.call('licences.update', { ...args, id: licence.id })).id;
    return (await client.call('licences.create', args)).id;
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues(NO_ISSUES);
    setRefusal(null);
    setBusy(true);
    try {
      const id = await send(checked.args);
      setBusy(false);
      onSaved(id);
    } catch (cause) {
      setBusy(false);
      setRefusal(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const title = editing ? `Edit licence “${licence.name}”` : 'New licence';
  return (
    <form
      ref={formRef}
      className="licence-form"
      aria-label={title}
      data-testid="licence-form"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h3>{title}</h3>
      <LicenceTermsFields draft={draft} issues={issues} onChange={setDraft} />
      <LicenceScopeFields draft={draft} issues={issues} onChange={setDraft} />
      {refusal !== null && <EngineError message={refusal} testId="licence-form-refusal" />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="licence-save">
          {editing ? 'Save licence' : 'Create licence'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
