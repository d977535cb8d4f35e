// Records or edits a release (model, property, minor): who, when signed, until when, its
// restrictions and the signed document. Checked with the contract's schema first; a new
// release can be attached at once to the assets a search finds.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MethodArgs } from '../../../../shared/contract';
import { releasesMethods } from '../../../../shared/methods/releases-methods';
import { RELEASE_KINDS, type Release, type ReleaseKind } from '../../../../shared/rights-dto';
import { useServices } from '../../app-context';
import { EngineError } from '../export/EngineError';
import { SelectField, TextField } from '../export/form-fields';

type Draft = Record<
  'subject' | 'signedOn' | 'expiresOn' | 'restrictions' | 'documentPath' | 'query',
  string
> & {
  kind: ReleaseKind;
};

const KIND_LABELS: Record<ReleaseKind, string> = {
  model: 'Model',
  property: 'Property',
  minor: 'Minor (model under age)',
};
const kindOptions = RELEASE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function draftOf(r: Release | null): Draft {
  return {
    kind: r?.kind ?? 'model',
    subject: r?.subject ?? '',
    signedOn: r?.signedOn ?? '',
    expiresOn: r?.expiresOn ?? '',
    restrictions: r?.restrictions ?? '',
    documentPath: r?.documentPath ?? '',
    query: '',
  };
}

function argsOf(d: Draft): MethodArgs<'releases.create'> {
  const query = d.query.trim();
  return {
    kind: d.kind,
    subject: orNull(d.subject),
    signedOn: d.signedOn.trim(),
    expiresOn: orNull(d.expiresOn),
    restrictions: orNull(d.restrictions),
    documentPath: orNull(d.documentPath),
    ...(query === '' ? {} : { query }),
  };
}

function issuesOf(args: MethodArgs<'releases.create'>): Map<string, string> {
  const parsed = releasesMethods()['releases.create'].args.safeParse(args);
  const issues = new Map<string, string>();
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path.length === 0 ? 'expiresOn' : String(issue.path[0]);
      if (!issues.has(field)) issues.set(field, issue.message);
    }
  return issues;
}

interface Props {
  release: Release | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function ReleaseForm({ release, onSaved, onCancel }: Props) {
  const { client } = useServices();
  const [draft, setDraft] = useState<Draft>(() => draftOf(release));
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
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
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const args = argsOf(draft);
    const found = issuesOf(args);
    setIssues(found);
    if (found.size > 0) return;
    setRefusal(null);
    setBusy(true);
    try {
      if (release === null) await client.call('releases.create', args);
      else {
        const { query: _query, ...terms } = args;
        await client.call('releases.update', { ...terms, id: release.id });
      }
      setBusy(false);
      onSaved();
    } catch (cause) {
      setBusy(false);
      setRefusal(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const text = (key: Exclude<keyof Draft, 'kind'>, label: string, hint?: string) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(v) => set(key, v)}
      error={issues.get(key)}
      testId={`release-${key}`}
      {...(hint === undefined ? {} : { hint })}
    />
  );
  const title = release === null ? 'New release' : `Edit release ${release.subject ?? release.id}`;
  return (
    <form
      ref={formRef}
      className="release-form"
      aria-label={title}
      data-testid="release-form"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        <SelectField
          label="Kind"
          value={draft.kind}
          options={kindOptions}
          onChange={(v) => set('kind', v)}
          testId="release-kind"
        />
        {text('subject', 'Who or what', 'The person or property released')}
        {text('signedOn', 'Signed on', 'YYYY-MM-DD')}
        {text('expiresOn', 'Expires on', 'YYYY-MM-DD; empty: never')}
        {text('restrictions', 'Restrictions')}
        {text('documentPath', 'Document', 'The path of the signed release')}
        {release === null && text('query', 'Attach to assets', 'A search; empty: none yet')}
      </div>
      {refusal !== null && <EngineError message={refusal} testId="release-form-refusal" />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="release-save">
          {release === null ? 'Record release' : 'Save release'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
