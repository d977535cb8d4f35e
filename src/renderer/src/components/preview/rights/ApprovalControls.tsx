// The approval of the file's current content, its decisions (who, when, comment, on which
// version), and the three decisions with an optional comment, under the reviewer's name.
import { useEffect, useState, type FormEvent } from 'react';
import type { ApprovalDecision, ApprovalState } from '../../../../../shared/rights-dto';
import { useServices } from '../../../app-context';
import { formatInstant } from '../../../format/date';

export type Decision = Exclude<ApprovalState, 'draft'>;

const STATE_WORDS: Record<ApprovalState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
};

const DECISIONS: { state: Decision; label: string }[] = [
  { state: 'approved', label: 'Approve' },
  { state: 'rejected', label: 'Reject' },
  { state: 'in-review', label: 'In review' },
];

export function ApprovalControls({
  state,
  decisions,
  current,
  onDecide,
}: {
  state: ApprovalState;
  decisions: readonly ApprovalDecision[];
  current: string | null;
  onDecide: (state: Decision, comment: string | null) => Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = (next: Decision) => {
    setBusy(true);
    void onDecide(next, comment.trim() === '' ? null : comment.trim())
      .then(() => setComment(''))
      .finally(() => setBusy(false));
  };
  return (
    <div className="rights-approval" data-testid="rights-approval">
      <p>
        <span className={`rights-state is-${state}`} data-testid="rights-approval-state">
          {STATE_WORDS[state]}
        </span>
      </p>
      <Reviewer />
      <label className="rights-comment">
        Comment (optional)
        <textarea
          rows={2}
          value={comment}
          maxLength={5000}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <div className="rights-actions">
        {DECISIONS.map((d) => (
          <button
            key={d.state}
            type="button"
            data-testid={`rights-decide-${d.state}`}
            disabled={busy}
            onClick={() => decide(d.state)}
          >
            {d.label}
          </button>
        ))}
      </div>
      {decisions.length > 0 && (
        <ol className="rights-list" data-testid="rights-decisions">
          {decisions.map((d) => (
            <li key={d.id} title={d.hash} className={d.undoneAt ? 'decision-undone' : undefined}>
              <span className="rights-item-name">
                {STATE_WORDS[d.state]}
                {d.undoneAt ? ' (undone)' : ''}
              </span>
              <span className="rights-item-facts">
                {d.who} · {formatInstant(new Date(d.at).toISOString())} ·{' '}
                {d.hash === current ? 'this content' : `earlier content ${d.hash.slice(0, 8)}`}
              </span>
              {d.comment !== null && <span className="rights-comment-text">{d.comment}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Whose name decisions carry (a preference; the system user until one is set). */
function Reviewer() {
  const { client, stores } = useServices();
  const [name, setName] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    client.call('approvals.reviewer', {}).then(
      (r) => {
        if (current) setName(r.name);
      },
      (cause: unknown) => stores.notices.getState().report('Could not read the reviewer', cause),
    );
    return () => {
      current = false;
    };
  }, [client, stores]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = draft?.trim() ?? '';
    if (next === '') return;
    client.call('approvals.setReviewer', { name: next }).then(
      (r) => {
        setName(r.name);
        setDraft(null);
      },
      (cause: unknown) => stores.notices.getState().report('Could not set the reviewer', cause),
    );
  };
  if (draft !== null)
    return (
      <form className="rights-reviewer" onSubmit={save}>
        <label>
          Reviewer
          <input
            value={draft}
            maxLength={200}
            data-testid="rights-reviewer-input"
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <button type="submit">Save</button>
      </form>
    );
  return (
    <p className="rights-reviewer" data-testid="rights-reviewer">
      Decides as {name ?? '…'}{' '}
      <button type="button" className="link-button" onClick={() => setDraft(name ?? '')}>
        Change
      </button>
    </p>
  );
}
