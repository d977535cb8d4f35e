// Another window, the CLI or another process may decide approvals (or undo them) while the
// view is open: the engine says assets.changed, and the view reads its states again. A scan
// emits it in bursts: one read after the burst settles, as the preview's Rights section does.
import { useEffect } from 'react';
import type { Client } from '../../client';
import type { ReviewStore } from '../../store/review-store';

const REREAD_DELAY_MS = 150;

export function useReviewRefresh(client: Client, review: ReviewStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = client.on('assets.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void review.getState().reread(), REREAD_DELAY_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [client, review]);
}
