// The assets of the review session: click to view one, tick to include it in a bulk
// decision; each shows the approval state known this session.
import { useStore } from 'zustand';
import type { ReviewStore } from '../../store/review-store';

export function ReviewList({ review }: { review: ReviewStore }) {
  const items = useStore(review, (s) => s.items);
  const index = useStore(review, (s) => s.index);
  const states = useStore(review, (s) => s.states);
  const checked = useStore(review, (s) => s.checked);
  const status = useStore(review, (s) => s.status);
  if (status === 'ready' && items.length === 0)
    return <p className="review-list dim">Nothing to review here.</p>;
  return (
    <ol className="review-list" aria-label="Assets to review">
      {items.map((asset, i) => (
        <li
          key={asset.id}
          data-testid="review-item"
          data-state={states.get(asset.id) ?? ''}
          aria-current={i === index ? 'true' : undefined}
        >
          <input
            type="checkbox"
            aria-label={`Include ${asset.name} in a bulk decision`}
            checked={checked.has(asset.id)}
            onChange={() => review.getState().toggleChecked(asset.id)}
          />
          <button
            type="button"
            className="review-item-name"
            onClick={() => review.getState().move(i - review.getState().index)}
          >
            {asset.name}
          </button>
          <span className="review-item-state dim">{states.get(asset.id) ?? ''}</span>
        </li>
      ))}
    </ol>
  );
}
