// Beside the image: the asset's approval state, its rights verdict with reasons, every
// decision made on it (newest first; one on older content is marked so), the comment for
// the next decision, and the decision buttons, for this asset or for every checked one.
import type { RefObject } from 'react';
import { useStore } from 'zustand';
import type { ApprovalDecision } from '../../../../shared/rights-dto';
import type { Decision, ReviewStore } from '../../store/review-store';

const BUTTONS: readonly { state: Decision; label: string; key: string }[] = [
  { state: 'approved', label: 'Approve', key: 'A' },
  { state: 'rejected', label: 'Reject', key: 'X' },
  { state: 'in-review', label: 'In review', key: 'R' },
];

export function ReviewPanel(props: {
  review: ReviewStore;
  commentRef: RefObject<HTMLTextAreaElement | null>;
  canDecide: boolean;
}) {
  const { review, commentRef, canDecide } = props;
  const asset = useStore(review, (s) => s.items[s.index]);
  const facts = useStore(review, (s) => s.facts);
  const comment = useStore(review, (s) => s.comment);
  const checked = useStore(review, (s) => s.checked.size);
  if (asset === undefined) return <aside className="review-panel" />;
  const current = facts?.assetId === asset.id ? facts : null;
  return (
    <aside className="review-panel" aria-label="Approval">
      <h2 className="review-name">{asset.name}</h2>
      <p>
        State:{' '}
        <strong data-testid="review-state" data-state={current?.approval ?? ''}>
          {current?.approval ?? '…'}
        </strong>
      </p>
      {current?.verdict && (
        <div data-testid="review-verdict" data-verdict={current.verdict.verdict}>
          Rights: <strong>{current.verdict.verdict}</strong>
          <ul className="review-reasons">
            {current.verdict.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </div>
      )}
      <label className="review-comment">
        Comment for the next decision (C)
        <textarea
          ref={commentRef}
          data-testid="review-comment"
          value={comment}
          maxLength={5000}
          rows={3}
          onChange={(e) => review.getState().setComment(e.target.value)}
          onKeyDown={(e) => {
            // Enter or Escape hands the keyboard back to the decision keys; the text stays.
            if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Escape') {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
        />
      </label>
      <div className="review-actions">
        {BUTTONS.map((b) => (
          <button
            key={b.state}
            type="button"
            data-testid={`review-${b.state}`}
            disabled={!canDecide}
            title={`${b.label} and move on (${b.key})`}
            onClick={() => void review.getState().decide(b.state)}
          >
            {b.label} ({b.key})
          </button>
        ))}
      </div>
      {checked > 0 && (
        <div className="review-actions" data-testid="review-bulk">
          {checked} checked:{' '}
          {BUTTONS.map((b) => (
            <button
              key={b.state}
              type="button"
              data-testid={`review-bulk-${b.state}`}
              disabled={!canDecide}
              title={`${b.label} every checked asset with this comment (Shift+${b.key})`}
              onClick={() => void review.getState().decideChecked(b.state)}
            >
              {b.label} all
            </button>
          ))}
        </div>
      )}
      <h3>History</h3>
      <ol className="review-history">
        {current?.history.map((d) => (
          <HistoryLine key={d.id} decision={d} hash={asset.hash} />
        ))}
      </ol>
      {current?.history.length === 0 && <p className="dim">No decision yet.</p>}
    </aside>
  );
}

function HistoryLine({ decision: d, hash }: { decision: ApprovalDecision; hash: string | null }) {
  return (
    <li data-testid="review-decision" className={d.undoneAt ? 'decision-undone' : undefined}>
      <strong>{d.state}</strong> by {d.who}, {new Date(d.at).toLocaleString()}
      {d.hash !== hash && <span className="dim"> (earlier content)</span>}
      {d.undoneAt ? <span className="dim"> (undone)</span> : null}
      {d.comment !== null && <q>{d.comment}</q>}
    </li>
  );
}
