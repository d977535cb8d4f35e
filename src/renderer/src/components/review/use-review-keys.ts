// Binds the Review view's keys to the window while the view is shown, except while the
// user types (the comment field, the reviewer prompt) or a dialog owns the keyboard.
// Decisions wait until the reviewer name is confirmed: the prompt asks first.
import { useEffect, type RefObject } from 'react';
import { useServices } from '../../app-context';
import type { ReviewStore } from '../../store/review-store';
import { blockingDialogOpen, isTypingTarget } from '../culling/culling-keys';
import { reviewAction } from './review-keys';

export function useReviewKeys(
  review: ReviewStore,
  comment: RefObject<HTMLTextAreaElement | null>,
  canDecide: boolean,
): void {
  const { stores } = useServices();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTypingTarget(event.target) || blockingDialogOpen(document)) return;
      const action = reviewAction(event);
      if (action === null) return;
      // Holding a key down must not send a decision per repeat.
      if (event.repeat && action.kind !== 'move' && action.kind !== 'undo') return;
      const state = review.getState();
      switch (action.kind) {
        case 'decide': {
          if (!canDecide) return;
          void (action.bulk ? state.decideChecked(action.state) : state.decide(action.state));
          break;
        }
        case 'move':
          state.move(action.delta);
          break;
        case 'comment':
          comment.current?.focus();
          break;
        case 'check': {
          // Space on a focused button or checkbox is that control's own.
          if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLInputElement)
            return;
          const asset = state.items[state.index];
          if (asset === undefined) return;
          state.toggleChecked(asset.id);
          break;
        }
        case 'checkAll':
          state.checkAll();
          break;
        // The view reads the facts again once the edits store says what was undone.
        case 'undo':
          void stores.edits.getState().undo();
          break;
        case 'redo':
          void stores.edits.getState().redo();
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [review, comment, canDecide, stores]);
}
