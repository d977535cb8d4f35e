// The Review view: one asset at a time, large, with its approval state, history and rights
// verdict; keys approve, reject or put back in review and move on (use-review-keys.ts).
// The list on the left picks what to review (a search on approval state, or the Library's
// selection) and checks assets for one decision on all of them.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app-context';
import { createReviewStore, REVIEW_SOURCES, type ReviewStore } from '../../store/review-store';
import { usePrefs } from '../../store-hooks';
import { EditToast } from '../culling/EditToast';
import { UndoRedo } from '../culling/UndoRedo';
import { ReviewList } from './ReviewList';
import { ReviewPanel } from './ReviewPanel';
import { ReviewStage } from './ReviewStage';
import { useReviewKeys } from './use-review-keys';
import { useReviewRefresh } from './use-review-refresh';

export function ReviewView() {
  const { client, stores } = useServices();
  const [review] = useState(() => createReviewStore(client, stores));
  const reviewer = useStore(review, (s) => s.reviewer);
  const confirmed = usePrefs((s) => s.reviewerConfirmed);
  const [renaming, setRenaming] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const canDecide = reviewer !== null && confirmed === reviewer && !renaming;

  useEffect(() => {
    void review.getState().load(review.getState().source);
  }, [review]);
  // Undo or redo (keys or buttons) may have changed what is shown: read it again.
  useEffect(
    () =>
      stores.edits.subscribe((s, prev) => {
        if (s.toast !== null && s.toast !== prev.toast) void review.getState().reread();
      }),
    [review, stores],
  );
  useReviewRefresh(client, review);
  useReviewKeys(review, commentRef, canDecide);

  return (
    <section className="review-view" aria-label="Review" data-testid="review-view">
      <header className="review-bar">
        <SourcePicker review={review} />
        <span className="review-reviewer" data-testid="review-reviewer">
          Reviewer: {reviewer ?? '…'}{' '}
          {canDecide && (
            <button type="button" className="link" onClick={() => setRenaming(true)}>
              change
            </button>
          )}
        </span>
        <UndoRedo />
      </header>
      {reviewer !== null && !canDecide && (
        <ReviewerPrompt review={review} name={reviewer} onDone={() => setRenaming(false)} />
      )}
      <div className="review-body">
        <ReviewList review={review} />
        <ReviewStage review={review} />
        <ReviewPanel review={review} commentRef={commentRef} canDecide={canDecide} />
      </div>
      <EditToast />
    </section>
  );
}

function SourcePicker({ review }: { review: ReviewStore }) {
  const source = useStore(review, (s) => s.source);
  const count = useStore(review, (s) => s.items.length);
  const status = useStore(review, (s) => s.status);
  return (
    <label className="review-source">
      Review{' '}
      <select
        data-testid="review-source"
        value={source}
        onChange={(e) =>
          void review.getState().load(e.target.value as (typeof REVIEW_SOURCES)[number]['id'])
        }
      >
        {REVIEW_SOURCES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>{' '}
      <span className="dim" data-testid="review-count">
        {status === 'ready' ? `${count} asset${count === 1 ? '' : 's'}` : ''}
        {status === 'loading' ? 'Loading…' : ''}
        {status === 'failed' ? 'Could not list them' : ''}
      </span>
    </label>
  );
}

/** Asked once (and on "change"): decisions carry this name in the history and audit log. */
function ReviewerPrompt(props: { review: ReviewStore; name: string; onDone: () => void }) {
  const [name, setName] = useState(props.name);
  const save = async (): Promise<void> => {
    if (name.trim() === '') return;
    await props.review.getState().setReviewer(name.trim());
    props.onDone();
  };
  return (
    <form
      className="review-prompt"
      data-testid="reviewer-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Decisions are recorded under your name{' '}
        <input
          data-testid="reviewer-name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
      </label>{' '}
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        Use this name
      </button>
    </form>
  );
}
